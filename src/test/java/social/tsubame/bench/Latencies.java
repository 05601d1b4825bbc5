package social.tsubame.bench;

import java.util.Arrays;

/** Latencies of one kind, in nanoseconds, summed up as percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0–100) in milliseconds, by nearest rank; NaN with no values. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1e6;
    }

    String summary() {
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(percentileMillis(50),
                percentileMillis(99), percentileMillis(100), count());
    }
}
