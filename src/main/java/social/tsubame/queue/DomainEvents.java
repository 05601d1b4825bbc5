package social.tsubame.queue;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Publishes what happened (named in the past tense: {@code FollowRequested}) to the modules that react to it. The
 * event commits with the change that caused it, through the outbox: one job per interested listener.
 */
@Component
public class DomainEvents {

    private final Outbox outbox;
    // Looked up when publishing: listeners depend on services that publish events.
    private final ObjectProvider<EventListener<?>> listeners;

    public DomainEvents(Outbox outbox, ObjectProvider<EventListener<?>> listeners) {
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /** Publishes within the current transaction; there must be one. */
    public void publish(Object event) {
        List<EventListener<?>> interested = listeners.orderedStream()
                .filter(listener -> listener.eventType().isInstance(event) && wants(listener, event))
                .toList();
        for (EventListener<?> listener : interested) {
            add(listener, event);
        }
    }

    private static <E> boolean wants(EventListener<E> listener, Object event) {
        return listener.wants(listener.eventType().cast(event));
    }

    private <E> void add(EventListener<E> listener, Object event) {
        outbox.add(jobType(listener), listener.eventType().cast(event));
    }

    static <E> JobType<E> jobType(EventListener<E> listener) {
        return JobType.of("event." + listener.eventType().getSimpleName() + "." + listener.name(), listener.queue(),
                listener.eventType());
    }
}
