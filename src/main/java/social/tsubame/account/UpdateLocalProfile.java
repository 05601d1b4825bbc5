package social.tsubame.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;

/** A local account changes its display name, bio or how it takes followers; other servers are told. */
@Service
public class UpdateLocalProfile {

    static final int MAX_DISPLAY_NAME = 30;
    static final int MAX_NOTE = 500;

    /** What to change; a null field stays as it is. */
    public record Changes(String displayName, String note, Boolean locked, Boolean bot, Boolean discoverable) {
    }

    private final JdbcTemplate jdbc;
    private final DomainEvents events;

    public UpdateLocalProfile(JdbcTemplate jdbc, DomainEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void update(long localAccountId, Changes changes) {
        if (changes.displayName() != null && changes.displayName().codePointCount(0, changes.displayName().length())
                > MAX_DISPLAY_NAME) {
            throw ApiException.unprocessable("Display name is too long (maximum is " + MAX_DISPLAY_NAME
                    + " characters)");
        }
        if (changes.note() != null && changes.note().codePointCount(0, changes.note().length()) > MAX_NOTE) {
            throw ApiException.unprocessable("Bio is too long (maximum is " + MAX_NOTE + " characters)");
        }
        int updated = jdbc.update("""
                UPDATE accounts SET display_name = coalesce(?, display_name), note = coalesce(?, note),
                                    locked = coalesce(?, locked), bot = coalesce(?, bot),
                                    discoverable = coalesce(?, discoverable), updated_at = now()
                WHERE id = ? AND domain IS NULL
                """, changes.displayName(), changes.note() == null ? null : asHtml(changes.note()), changes.locked(),
                changes.bot(), changes.discoverable(), localAccountId);
        if (updated == 0) {
            throw ApiException.notFound();
        }
        events.publish(new ProfileUpdated(localAccountId));
    }

    /** The bio as typed, shown as text: escaped, one paragraph per blank line. */
    private static String asHtml(String note) {
        if (note.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : note.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }
}
