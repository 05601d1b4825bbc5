package social.tsubame.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;

/**
 * {@code GET /api/v1/instance/health}, a Tsubame extension: the health page as JSON, without sign-in. Durations are
 * in seconds; what has never happened (a backup, a sample) is null or left out.
 */
@RestController
@Profile(Roles.WEB)
class HealthController {

    private final ServerHealth health;

    HealthController(ServerHealth health) {
        this.health = health;
    }

    @GetMapping("/api/v1/instance/health")
    Map<String, Object> health() {
        HealthReport report = health.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generated_at", report.generatedAt().toString());
        body.put("uptime", report.uptime());
        body.put("queues", report.queues().stream().map(HealthController::queue).toList());
        body.put("federation", Map.of("reachable_domains", report.federation().reachable(),
                "unavailable_domains", report.federation().unavailable()));
        body.put("backups", Map.of("backup", backup(report.backup(), report.generatedAt()),
                "verified_restore", backup(report.verifiedRestore(), report.generatedAt())));
        body.put("software_version", report.softwareVersion());
        body.put("moderation", Map.of("open_reports", report.openReports(),
                "actions_30d", report.moderatorActions()));
        Map<String, Object> commitments = new LinkedHashMap<>();
        commitments.put("backups", blankToNull(report.commitments().backups()));
        commitments.put("closing_notice", blankToNull(report.commitments().closingNotice()));
        body.put("commitments", commitments);
        return body;
    }

    private static Map<String, Object> queue(HealthReport.QueueLatency latency) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", latency.queue());
        queue.put("latency_seconds", seconds(latency.current()));
        queue.put("p95_24h_seconds", seconds(latency.p95()));
        return queue;
    }

    private static Map<String, Object> backup(HealthReport.Backup backup, Instant now) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("last_success_at", backup.lastSuccessAt() == null ? null : backup.lastSuccessAt().toString());
        shown.put("last_success_age_seconds", seconds(backup.age(now)));
        shown.put("last_failed", backup.lastFailed());
        return shown;
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
