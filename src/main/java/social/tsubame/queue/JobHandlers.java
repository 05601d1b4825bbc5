package social.tsubame.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds the handler of a job by its type name: job handlers, and event listeners, each of which handles the jobs
 * {@link DomainEvents} makes for it. Two handlers for one type are a startup error.
 */
@Component
public class JobHandlers {

    private final Map<String, JobHandler<?>> byType = new HashMap<>();

    public JobHandlers(List<JobHandler<?>> handlers, List<EventListener<?>> listeners) {
        handlers.forEach(this::register);
        listeners.forEach(listener -> register(asHandler(listener)));
    }

    private void register(JobHandler<?> handler) {
        JobHandler<?> previous = byType.putIfAbsent(handler.type().name(), handler);
        if (previous != null) {
            throw new IllegalStateException("Two handlers for job type " + handler.type().name() + ": "
                    + previous + " and " + handler);
        }
    }

    private static <E> JobHandler<E> asHandler(EventListener<E> listener) {
        JobType<E> type = DomainEvents.jobType(listener);
        return new JobHandler<>() {
            @Override
            public JobType<E> type() {
                return type;
            }

            @Override
            public void handle(E event, Job job) throws Exception {
                // Asked again: a job queued before the listener declined such events must not act on one.
                if (listener.wants(event)) {
                    listener.on(event);
                }
            }

            @Override
            public String toString() {
                return listener.getClass().getName();
            }
        };
    }

    Optional<JobHandler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
