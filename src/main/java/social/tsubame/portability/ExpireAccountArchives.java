package social.tsubame.portability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;
import social.tsubame.media.MediaStorage;

/**
 * Removes archives past their keeping (file first, then row, so a failure between leaves the row for the next turn)
 * and rows of archives given up, on a timer in the worker role. Workers may overlap; removing twice is harmless.
 */
@Component
@Profile(Roles.WORKER)
class ExpireAccountArchives {

    private static final Log log = LogFactory.getLog(ExpireAccountArchives.class);
    private static final int BATCH = 100;

    private final AccountArchives archives;
    private final MediaStorage storage;
    private final Clock clock;

    ExpireAccountArchives(AccountArchives archives, MediaStorage storage, Clock clock) {
        this.archives = archives;
        this.storage = storage;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tsubame.archives.expiry-interval:1h}", initialDelayString = "1m")
    void expireNow() {
        try {
            expire(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Cannot remove expired archives now: " + e.getMessage(), e);
        }
    }

    /** Returns how many archives were removed. */
    int expire(Instant now) {
        int removed = 0;
        for (List<AccountArchive> batch = next(now); !batch.isEmpty(); batch = next(now)) {
            for (AccountArchive archive : batch) {
                if (archive.fileKey() != null) {
                    storage.delete(archive.fileKey());
                }
                archives.delete(archive.id());
                removed++;
            }
        }
        return removed;
    }

    private List<AccountArchive> next(Instant now) {
        return archives.expired(now.minus(AccountArchive.KEPT), now.minus(AccountArchive.GIVEN_UP_AFTER), BATCH);
    }
}
