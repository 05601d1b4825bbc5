package social.tsubame.instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The servers this one limits or suspends, as the public may see them when the operators choose to (the about page
 * and {@code /api/v1/instance/domain_blocks}): the domain, masked where the block asks for it, its SHA-256 digest so
 * that a masked domain can still be checked, the severity and the public comment, never the private one.
 */
@Component
public class PublicDomainBlocks {

    /**
     * @param severity {@code silence} or {@code suspend}
     * @param comment  the public comment; null without one
     */
    public record Shown(String domain, String digest, String severity, String comment) {
    }

    private final JdbcTemplate jdbc;

    PublicDomainBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Shown> all() {
        return jdbc.query("""
                SELECT domain, severity, public_comment, obfuscate FROM domain_blocks
                WHERE severity <> 'noop' ORDER BY domain""",
                (row, index) -> {
                    String domain = row.getString("domain");
                    String comment = row.getString("public_comment");
                    return new Shown(row.getBoolean("obfuscate") ? masked(domain) : domain, digest(domain),
                            row.getString("severity"), comment == null || comment.isBlank() ? null : comment);
                });
    }

    /** Each label keeps its first and last letters, so people who know the server recognise it, others not. */
    public static String masked(String domain) {
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

    /** The hex SHA-256 of the domain, as Mastodon gives it beside each block. */
    public static String digest(String domain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(domain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
