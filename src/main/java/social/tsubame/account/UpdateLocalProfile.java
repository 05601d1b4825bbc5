package social.tsubame.account;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local account changes its display name, bio, pictures, profile fields, how it takes followers, or whether it
 * wants to be found (in the directory: {@code discoverable}; its public posts in full-text search: {@code indexable});
 * other servers are told.
 */
@Service
public class UpdateLocalProfile {

    static final int MAX_DISPLAY_NAME = 30;
    static final int MAX_NOTE = 500;

    static final int MAX_FIELDS = 4;
    static final int MAX_FIELD_LENGTH = 255;

    /** One name and value of the profile's table. */
    public record Field(String name, String value) {
    }

    /**
     * What to change; a null field stays as it is.
     *
     * @param avatarFile the storage key of a new avatar
     * @param fields     the whole new table of profile fields
     */
    public record Changes(String displayName, String note, Boolean locked, Boolean bot, Boolean discoverable,
                          Boolean indexable, String avatarFile, String headerFile, List<Field> fields) {
    }

    private final JdbcTemplate jdbc;
    private final DomainEvents events;
    private final JsonMapper json;

    public UpdateLocalProfile(JdbcTemplate jdbc, DomainEvents events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
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
        String fields = changes.fields() == null ? null : fieldsJson(changes.fields());
        int updated = jdbc.update("""
                UPDATE accounts SET display_name = coalesce(?, display_name), note = coalesce(?, note),
                                    locked = coalesce(?, locked), bot = coalesce(?, bot),
                                    discoverable = coalesce(?, discoverable), indexable = coalesce(?, indexable),
                                    avatar_file = coalesce(?, avatar_file),
                                    header_file = coalesce(?, header_file), fields = coalesce(?::jsonb, fields),
                                    updated_at = now()
                WHERE id = ? AND domain IS NULL
                """, changes.displayName(), changes.note() == null ? null : asHtml(changes.note()), changes.locked(),
                changes.bot(), changes.discoverable(), changes.indexable(), changes.avatarFile(), changes.headerFile(),
                fields,
                localAccountId);
        if (updated == 0) {
            throw ApiException.notFound();
        }
        events.publish(new ProfileUpdated(localAccountId));
    }

    /** Names as typed; values as HTML, escaped, as Mastodon shows them; empty rows are dropped. */
    private String fieldsJson(List<Field> fields) {
        List<Map<String, String>> kept = fields.stream()
                .filter(field -> !blank(field.name()) || !blank(field.value()))
                .map(field -> Map.of("name", strip(field.name()), "value", HtmlUtils.htmlEscape(strip(field.value()))))
                .toList();
        if (kept.size() > MAX_FIELDS) {
            throw ApiException.unprocessable("Validation failed: Fields are too many (maximum is " + MAX_FIELDS + ")");
        }
        for (Map<String, String> field : kept) {
            if (field.get("name").length() > MAX_FIELD_LENGTH || field.get("value").length() > MAX_FIELD_LENGTH) {
                throw ApiException.unprocessable("Validation failed: Fields are too long (maximum is "
                        + MAX_FIELD_LENGTH + " characters)");
            }
        }
        return json.writeValueAsString(kept);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
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
