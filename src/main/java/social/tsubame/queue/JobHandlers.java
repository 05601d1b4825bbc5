package social.tsubame.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Finds the handler of a job by its type name. Two handlers for one type are a startup error. */
@Component
public class JobHandlers {

    private final Map<String, JobHandler<?>> byType = new HashMap<>();

    public JobHandlers(List<JobHandler<?>> handlers) {
        for (JobHandler<?> handler : handlers) {
            JobHandler<?> previous = byType.putIfAbsent(handler.type().name(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for job type " + handler.type().name() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    Optional<JobHandler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
