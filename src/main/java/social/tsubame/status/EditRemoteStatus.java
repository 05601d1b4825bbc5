package social.tsubame.status;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.ReceiveRemoteStatus.RemoteStatus;
import social.tsubame.status.StatusEvents.StatusEdited;

/** Applies an edit its author made on another server, keeping the previous version in the edit history. */
@Service
public class EditRemoteStatus {

    private final Statuses statuses;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;

    public EditRemoteStatus(Statuses statuses, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock,
                            DomainEvents events) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** Returns whether there was a live status of that author to edit. */
    @Transactional
    public boolean edit(RemoteStatus edited) {
        Status status = statuses.findByUri(edited.uri())
                .filter(found -> found.accountId() == edited.accountId() && !found.isDeleted())
                .orElse(null);
        if (status == null) {
            return false;
        }
        long editId = ids.next();
        jdbc.update("INSERT INTO status_edits (id, status_id, text, spoiler_text, sensitive) VALUES (?, ?, ?, ?, ?)",
                editId, status.id(), status.content(), status.spoilerText(), status.sensitive());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE statuses SET content = ?, spoiler_text = ?, sensitive = ?, language = ?, edited_at = ?,
                                    updated_at = ?
                WHERE id = ?
                """, edited.content(), edited.spoilerText() == null ? "" : edited.spoilerText(), edited.sensitive(),
                edited.language(), now, now, status.id());
        events.publish(new StatusEdited(status.id(), status.accountId(), editId));
        return true;
    }
}
