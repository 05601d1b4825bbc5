package social.tsubame.pages;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The servers this one limits or suspends, as the about page shows them when the operators choose to: the domain
 * (masked where the block asks for it) and the public comment, never the private one.
 */
@Component
class ServerDomainBlocks {

    record Shown(String domain, String severity, String comment) {
    }

    private final JdbcTemplate jdbc;

    ServerDomainBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Shown> all() {
        return jdbc.query("""
                SELECT domain, severity, coalesce(public_comment, '') AS comment, obfuscate FROM domain_blocks
                WHERE severity <> 'noop' ORDER BY domain""",
                (row, index) -> new Shown(row.getBoolean("obfuscate") ? masked(row.getString("domain"))
                        : row.getString("domain"), "suspend".equals(row.getString("severity")) ? "Suspended"
                        : "Limited", row.getString("comment")));
    }

    /** Each label keeps its first and last letters, so people who know the server recognise it, others not. */
    static String masked(String domain) {
        StringBuilder masked = new StringBuilder();
        for (String label : domain.split("\\.", -1)) {
            if (!masked.isEmpty()) {
                masked.append('.');
            }
            masked.append(label.length() <= 2 ? label
                    : label.charAt(0) + "*".repeat(label.length() - 2) + label.charAt(label.length() - 1));
        }
        return masked.toString();
    }
}
