package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Instant;
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
 * feed gets it, no follower's server is sent it, nobody is notified. Its id lies at its publishing time, where the
 * profile and timelines sort it. Importing the same post twice keeps one.
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

    private final Accounts accounts;
    private final Uris uris;
    private final JdbcTemplate jdbc;

    public ImportStatus(Accounts accounts, Uris uris, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.uris = uris;
        this.jdbc = jdbc;
    }

    /** The new status's id; empty when the account has this post already. */
    @Transactional
    public Optional<Long> importPost(ImportedPost post) {
        Account author = accounts.findById(post.accountId()).filter(Account::isLocal)
                .orElseThrow(ApiException::notFound);
        // the low bits come from the original id, so that posts of one millisecond get ids of their own
        long id = TimeOrderedIds.lowestAt(post.published())
                | (post.originalUri().hashCode() & ((1L << TimeOrderedIds.SEQUENCE_BITS) - 1));
        Timestamp published = Timestamp.from(post.published());
        int inserted = jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, url, text, content, spoiler_text, sensitive, visibility,
                                      language, conversation_id, local, imported_from, created_at, updated_at)
                VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, true, ?, ?, ?)
                ON CONFLICT (account_id, imported_from) WHERE imported_from IS NOT NULL DO NOTHING""",
                id, author.id(), uris.status(author.username(), id), uris.statusPage(author.username(), id),
                post.html(), post.spoilerText(), post.sensitive(), post.visibility().apiValue(), post.language(), id,
                post.originalUri(), published, published);
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }
}
