package social.tsubame.media;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/** What the copies of remote media weigh, summed on a timer so that a scrape never waits on the database. */
@Component
@Profile("!" + Roles.ADMIN_CLI)
class RemoteMediaCacheMetrics {

    private static final Log log = LogFactory.getLog(RemoteMediaCacheMetrics.class);

    private final RemoteMediaCache cache;
    private final AtomicLong bytes = new AtomicLong();

    RemoteMediaCacheMetrics(RemoteMediaCache cache, MeterRegistry registry) {
        this.cache = cache;
        Gauge.builder("tsubame.media.remote.cache", bytes, AtomicLong::get)
                .description("What the copies of remote media kept in this server's storage weigh")
                .baseUnit("bytes")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${tsubame.media.remote-cache.upkeep-interval:1m}", initialDelay = 0)
    void refresh() {
        try {
            bytes.set(cache.cachedBytes());
        } catch (RuntimeException e) {
            log.debug("Cannot sum the cached remote media", e);
        }
    }
}
