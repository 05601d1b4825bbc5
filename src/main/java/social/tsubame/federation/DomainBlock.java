package social.tsubame.federation;

import java.time.Instant;
import java.util.Locale;

/**
 * An admin's rule about one remote server and its subdomains.
 *
 * @param privateComment what moderators noted for each other
 * @param publicComment  the reason the public list gives
 * @param obfuscate      whether the public list masks the domain
 */
public record DomainBlock(long id, String domain, Severity severity, boolean rejectMedia, boolean rejectReports,
                          String privateComment, String publicComment, boolean obfuscate, Instant createdAt) {

    /** Mastodon's severities: limit the server's accounts, refuse it entirely, or neither (only the flags). */
    public enum Severity {
        NOOP, SILENCE, SUSPEND;

        public String apiValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Severity parse(String value) {
            for (Severity severity : values()) {
                if (severity.apiValue().equals(value)) {
                    return severity;
                }
            }
            throw new IllegalArgumentException("severity must be one of noop, silence, suspend");
        }
    }

    /** Whether this rule limits more than {@code other}, so that it may stand beside it on a subdomain. */
    public boolean stricterThan(DomainBlock other) {
        if (severity.ordinal() != other.severity.ordinal()) {
            return severity.ordinal() > other.severity.ordinal();
        }
        return (rejectMedia && !other.rejectMedia) || (rejectReports && !other.rejectReports);
    }
}
