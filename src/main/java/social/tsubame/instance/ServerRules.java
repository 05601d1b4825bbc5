package social.tsubame.instance;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.TimeOrderedIds;

/** The server's rules, in the order its operators gave them. */
@Component
public class ServerRules {

    public static final int MAX_TEXT_LENGTH = 300;

    /** @param hint a longer explanation; empty when there is none */
    public record Rule(long id, String text, String hint) {
    }

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;

    public ServerRules(JdbcTemplate jdbc, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public List<Rule> all() {
        return jdbc.query("SELECT id, text, hint FROM server_rules ORDER BY position, id",
                (row, index) -> new Rule(row.getLong("id"), row.getString("text"), row.getString("hint")));
    }

    /** Adds a rule after the others. */
    public Rule add(String text, String hint) {
        String wording = text == null ? "" : text.strip();
        if (wording.isEmpty() || wording.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("A rule needs a text of 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        String explanation = hint == null ? "" : hint.strip();
        long id = ids.next();
        jdbc.update("""
                INSERT INTO server_rules (id, text, hint, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM server_rules))""",
                id, wording, explanation);
        return new Rule(id, wording, explanation);
    }

    /** Whether there was such a rule to remove. */
    public boolean remove(long id) {
        return jdbc.update("DELETE FROM server_rules WHERE id = ?", id) > 0;
    }
}
