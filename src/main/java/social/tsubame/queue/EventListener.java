package social.tsubame.queue;

/**
 * Reacts to a domain event published with {@link DomainEvents}. Each listener gets the event as a job of its own, so
 * it is retried on its own and a slow or failing listener holds up no other.
 *
 * @param <E> the event record
 */
public interface EventListener<E> {

    /** Stable name of this listener, part of its job type: renaming it strands jobs already queued. */
    String name();

    Class<E> eventType();

    default QueueName queue() {
        return QueueName.DEFAULT;
    }

    /**
     * Whether this event is any of this listener's business, judged from the event alone: one that is not costs no
     * job at all. Listeners that act on some events only say so here, so a flood of others does not queue work that
     * would do nothing.
     */
    default boolean wants(E event) {
        return true;
    }

    /** Handles the event; like every job handler, it may be called twice for one event and must be idempotent. */
    void on(E event) throws Exception;
}
