package social.tsubame.queue;

import java.util.Arrays;

/** The job queues, one Redis stream each. */
public enum QueueName {
    /** Activities other servers sent to our inboxes. */
    INGRESS("ingress"),
    /** Inbound activities of domains an operator throttled, so a flood does not hold up everyone else. */
    INGRESS_LOW("ingress:low"),
    /** Local side effects: feed fan-out, notifications, counters. */
    DEFAULT("default"),
    /** Deliveries to other servers. */
    PUSH("push"),
    /** Fetches from other servers: accounts, threads, media, link previews. */
    PULL("pull");

    private final String queueName;

    QueueName(String queueName) {
        this.queueName = queueName;
    }

    /** The name operators see and configure, e.g. {@code ingress:low}. */
    public String queueName() {
        return queueName;
    }

    /** The name in property keys, where a colon cannot stand: {@code ingress-low}. */
    public String propertyName() {
        return queueName.replace(':', '-');
    }

    /** Reads either spelling, {@code ingress:low} or {@code ingress-low}, case-insensitively. */
    public static QueueName of(String name) {
        String wanted = name.trim().toLowerCase().replace('-', ':').replace('_', ':');
        return Arrays.stream(values())
                .filter(q -> q.queueName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown queue: " + name));
    }

    @Override
    public String toString() {
        return queueName;
    }
}
