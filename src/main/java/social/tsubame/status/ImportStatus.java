package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;

/**
 * Puts a post from an archive of another server (or this one) onto a local account's profile, as it was when
 * published there: its date, text, warning and audience. It was never new here, so no event goes out: nobody's home
 * feed gets it, no follower's server is sent it, nobody is notified. Its id lies at its publishing time (now at the
 * latest), where the profile and timelines sort it. Importing the same post twice keeps one.
 */
@Service
public class ImportStatus {

    /**
     * @param originalUri the post's id where it was published
     * @param html        its content, sanitized
     */
    public record ImportedPost(long accountId, String originalUri, String html, String spoilerText,
                               boolean sensitive, Visibility visibility, String language, Instant published) {
    }

    /** Tries at most this many ids in the post's millisecond before giving up on it. */
    private static final int ID_ATTEMPTS = 8;
    private static final long SEQUENCE_MASK = (1L << TimeOrderedIds.SEQUENCE_BITS) - 1;

    private final Accounts accounts;
    private final Uris uris;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImportStatus(Accounts accounts, Uris uris, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.uris = uris;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The new status's id; empty when the account has this post already. */
    @Transactional
    public Optional<Long> importPost(ImportedPost post) {
        Account author = accounts.findById(post.accountId()).filter(Account::isLocal)
                .orElseThrow(ApiException::notFound);
        // A date ahead of now, whether a wrong clock or a forged archive, would keep the post at the top of the
        // timelines; it is taken as now.
        Instant published = post.published().isAfter(clock.instant()) ? clock.instant() : post.published();
        // The low bits come from the account and the original id, so that posts of one millisecond get ids of their
        // own; one taken all the same (by another post of that millisecond) moves the post to the next.
        long first = Objects.hash(author.id(), post.originalUri());
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            if (imported(author.id(), post.originalUri())) {
                return Optional.empty();
            }
            long id = TimeOrderedIds.lowestAt(published) | ((first + attempt) & SEQUENCE_MASK);
            if (insert(id, author, post, Timestamp.from(published))) {
                return Optional.of(id);
            }
        }
        throw new IllegalStateException("No free id for post " + post.originalUri() + " at " + published);
    }

    private boolean imported(long accountId, String originalUri) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM statuses WHERE account_id = ? AND imported_from = ?)", Boolean.class,
                accountId, originalUri));
    }

    /** False when the id is taken, or the post was imported meanwhile. */
    private boolean insert(long id, Account author, ImportedPost post, Timestamp published) {
        return jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, url, text, content, spoiler_text, sensitive, visibility,
                                      language, conversation_id, local, imported_from, created_at, updated_at)
                VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, true, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                id, author.id(), uris.status(author.username(), id), uris.statusPage(author.username(), id),
                post.html(), post.spoilerText(), post.sensitive(), post.visibility().apiValue(), post.language(), id,
                post.originalUri(), published, published) == 1;
    }
}
