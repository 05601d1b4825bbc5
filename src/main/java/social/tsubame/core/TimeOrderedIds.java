package social.tsubame.core;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes the 64-bit ids of every table: {@code milliseconds << 16 | sequence}, so that ids sort by creation time,
 * double as feed scores and paging cursors, and need no database round trip. The 16-bit sequence is the process's
 * node number (6 bits, unique among running processes) followed by a 10-bit counter within the millisecond, so
 * processes never hand out the same id.
 */
public final class TimeOrderedIds {

    public static final int SEQUENCE_BITS = 16;
    static final int NODE_BITS = 6;
    static final int COUNTER_BITS = SEQUENCE_BITS - NODE_BITS;
    public static final int MAX_NODES = 1 << NODE_BITS;
    private static final int MAX_COUNTER = (1 << COUNTER_BITS) - 1;

    private final Clock clock;
    private int node;
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(Clock clock, int node) {
        if (node < 0 || node >= MAX_NODES) {
            throw new IllegalArgumentException("node must be in [0, " + MAX_NODES + "): " + node);
        }
        this.clock = clock;
        this.node = node;
    }

    /** Carries on under another node number, after the process had to claim a new one. */
    public synchronized void switchNode(int newNode) {
        if (newNode < 0 || newNode >= MAX_NODES) {
            throw new IllegalArgumentException("node must be in [0, " + MAX_NODES + "): " + newNode);
        }
        this.node = newNode;
    }

    public synchronized long next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (counter < MAX_COUNTER) {
            // Same millisecond, or the clock stepped back: stay on the last millisecond so ids keep growing.
            counter++;
        } else {
            lastMillis++;
            counter = 0;
        }
        return lastMillis << SEQUENCE_BITS | (long) node << COUNTER_BITS | counter;
    }

    /** The smallest id that can be made at {@code instant}: a paging bound for "since this time". */
    public static long lowestAt(Instant instant) {
        return instant.toEpochMilli() << SEQUENCE_BITS;
    }

    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli(id >>> SEQUENCE_BITS);
    }
}
