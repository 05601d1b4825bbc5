package social.tsubame.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well the server is run, as a visitor choosing a server sees it on {@code /about/health}.
 *
 * @param uptime            share of minutes the server ran, by window ({@code 24h}, {@code 30d}, {@code 90d});
 *                          null before the first sample
 * @param openReports       reports no moderator has acted on yet
 * @param moderatorActions  entries of the audit log in the last 30 days
 */
public record HealthReport(Instant generatedAt, Map<String, Double> uptime, List<QueueLatency> queues,
                           Federation federation, Backup backup, Backup verifiedRestore, String softwareVersion,
                           long openReports, long moderatorActions, Commitments commitments) {

    /**
     * @param current the age of the oldest waiting job now, null when Redis cannot be read
     * @param p95     over the last 24 hours, null without samples
     */
    public record QueueLatency(String queue, Duration current, Duration p95) {
    }

    public record Federation(long reachable, long unavailable) {
    }

    /**
     * @param lastSuccessAt when the newest successful run finished; null when none ever did
     * @param lastFailed    whether the newest finished run failed
     */
    public record Backup(Instant lastSuccessAt, boolean lastFailed) {

        public Duration age(Instant now) {
            return lastSuccessAt == null ? null : Duration.between(lastSuccessAt, now);
        }
    }

    /** What the operator promises, in their own words; blank when they promise nothing. */
    public record Commitments(String backups, String closingNotice) {

        public boolean any() {
            return !backups.isBlank() || !closingNotice.isBlank();
        }
    }
}
