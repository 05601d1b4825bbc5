package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusEdited;

/**
 * A local author edits their status: the previous version goes into its history, new mentions and hashtags are
 * recorded, and the event lets followers, boosters and other servers see the new text.
 */
@Service
public class EditLocalStatus {

    /** A null field stays as it was. */
    public record Command(long accountId, long statusId, String text, String spoilerText, Boolean sensitive,
                          String language) {
    }

    private final Statuses statuses;
    private final LocalStatusText statusText;
    private final StatusTags tags;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;

    public EditLocalStatus(Statuses statuses, LocalStatusText statusText, StatusTags tags, JdbcTemplate jdbc,
                           TimeOrderedIds ids, Clock clock, DomainEvents events) {
        this.statuses = statuses;
        this.statusText = statusText;
        this.tags = tags;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void edit(Command command) {
        Status status = statuses.findById(command.statusId())
                .filter(found -> found.accountId() == command.accountId() && found.isLocal() && !found.isDeleted()
                        && found.reblogOfId() == null)
                .orElseThrow(ApiException::notFound);
        boolean hasMedia = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM media_attachments WHERE status_id = ?)",
                Boolean.class, status.id());
        LocalStatusText.Prepared text = statusText.prepare(
                command.text() == null ? status.text() : command.text(),
                command.spoilerText() == null ? status.spoilerText() : command.spoilerText(), hasMedia);
        boolean sensitive = command.sensitive() == null ? status.sensitive() : command.sensitive();
        long editId = ids.next();
        // the history keeps each earlier version as it was shown
        jdbc.update("INSERT INTO status_edits (id, status_id, text, spoiler_text, sensitive) VALUES (?, ?, ?, ?, ?)",
                editId, status.id(), status.content(), status.spoilerText(), status.sensitive());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE statuses SET text = ?, content = ?, spoiler_text = ?, sensitive = ?, language = ?,
                                    edited_at = ?, updated_at = ?
                WHERE id = ?
                """, text.text(), text.html(), text.spoilerText(), sensitive || !text.spoilerText().isBlank(),
                command.language() == null ? status.language() : command.language(), now, now, status.id());
        tags.record(status.id(), StatusTags.in(text.text()));
        for (Account account : text.mentioned()) {
            jdbc.update("INSERT INTO mentions (id, status_id, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    ids.next(), status.id(), account.id());
        }
        events.publish(new StatusEdited(status.id(), status.accountId(), editId));
    }
}
