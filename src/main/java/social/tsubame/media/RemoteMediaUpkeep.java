package social.tsubame.media;

import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.core.ClusterLock;
import social.tsubame.core.Progress;

/**
 * Keeps the copies of remote media within their retention and budget, on a timer in the worker role; whichever
 * worker gets the lock does it, the others skip that turn.
 */
@Component
@Profile(Roles.WORKER)
class RemoteMediaUpkeep {

    private static final Log log = LogFactory.getLog(RemoteMediaUpkeep.class);

    private final RemoteMediaCache cache;
    private final RemoteMediaCacheProperties properties;

    RemoteMediaUpkeep(RemoteMediaCache cache, RemoteMediaCacheProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${tsubame.media.remote-cache.upkeep-interval:1m}")
    void enforce() {
        if (properties.retentionDays() == 0 && properties.budget().toBytes() == 0) {
            return;
        }
        Optional<ClusterLock.Held> held = cache.tryLock();
        if (held.isEmpty()) {
            return;
        }
        try (ClusterLock.Held lock = held.get()) {
            if (properties.retentionDays() > 0) {
                report("past the retention", cache.removeOlderThan(Duration.ofDays(properties.retentionDays()),
                        Progress.NONE));
            }
            if (properties.budget().toBytes() > 0) {
                report("over the budget", cache.evictOverBudget(properties.budget().toBytes()));
            }
        } catch (RuntimeException e) {
            log.warn("Cannot remove cached remote media now: " + e.getMessage(), e);
        }
    }

    private static void report(String why, RemoteMediaCache.Removed removed) {
        if (removed.files() > 0) {
            log.info("Removed " + removed.files() + " cached remote files " + why + " (" + removed.bytes()
                    + " bytes)");
        }
    }
}
