package social.tsubame.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.TimeOrderedIds;

/** The hashtags of statuses: found in local text, recorded for every status, read back for the Note's tags. */
@Component
public class StatusTags {

    private static final int MAX_TAG_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public StatusTags(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Hashtags written in a text, without {@code #}, each once, as first written. */
    public static List<String> in(String text) {
        Map<String, String> byName = new LinkedHashMap<>();
        Matcher matcher = LocalTextToHtml.HASHTAG.matcher(text);
        while (matcher.find()) {
            byName.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(1));
        }
        return List.copyOf(byName.values());
    }

    /** Records the tags of a status, creating the tags not seen before; runs in the caller's transaction. */
    void record(long statusId, List<String> names) {
        for (String name : names) {
            if (name.isBlank() || name.length() > MAX_TAG_LENGTH) {
                continue;
            }
            jdbc.update("""
                    INSERT INTO tags (id, name, display_name, last_status_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (lower(name)) DO UPDATE SET last_status_at = now()
                    """, ids.next(), name.toLowerCase(Locale.ROOT), name);
            jdbc.update("""
                    INSERT INTO status_tags (status_id, tag_id)
                    SELECT ?, id FROM tags WHERE lower(name) = lower(?) ON CONFLICT DO NOTHING
                    """, statusId, name);
        }
    }

    /** The tags of a status, as they were first written. */
    public List<String> of(long statusId) {
        return jdbc.queryForList("""
                SELECT coalesce(t.display_name, t.name) FROM status_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.status_id = ? ORDER BY t.name
                """, String.class, statusId);
    }
}
