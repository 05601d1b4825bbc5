package social.tsubame.portability;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * A user asks for an archive of their posts, one at a time: a second waits until the first is written, or until the
 * first is given up.
 */
@Service
public class RequestArchive {

    private final AccountArchives archives;
    private final DomainEvents events;
    private final TimeOrderedIds ids;
    private final Clock clock;

    RequestArchive(AccountArchives archives, DomainEvents events, TimeOrderedIds ids, Clock clock) {
        this.archives = archives;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public AccountArchive request(long accountId) {
        Instant givenUp = clock.instant().minus(AccountArchive.GIVEN_UP_AFTER);
        for (AccountArchive waiting : archives.ownedBy(accountId)) {
            if (waiting.finished()) {
                continue;
            }
            if (waiting.createdAt().isAfter(givenUp)) {
                throw ApiException.unprocessable("Validation failed: an archive is being made already");
            }
            archives.delete(waiting.id());
        }
        AccountArchive archive = new AccountArchive(ids.next(), accountId, null, null, clock.instant(), null);
        archives.insert(archive);
        events.publish(new ArchiveRequested(archive.id(), accountId));
        return archive;
    }
}
