package social.tsubame.health;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import social.tsubame.queue.QueueName;

/**
 * The health page's figures as metrics, read from the kept {@link HealthReport}, so that an operator's Prometheus can
 * alert on them. A figure that does not exist yet (uptime before the first sample, a backup that never succeeded,
 * a queue without samples) is NaN.
 */
@Component
class HealthMetrics {

    private final ServerHealth health;
    private final Clock clock;

    HealthMetrics(ServerHealth health, Clock clock, MeterRegistry registry) {
        this.health = health;
        this.clock = clock;
        for (String window : ServerHealth.UPTIME_WINDOWS.keySet()) {
            gauge(registry, "tsubame.uptime.ratio", "Share of minutes the server ran, measured by itself",
                    "window", window, report -> orNaN(report.uptime().get(window)));
        }
        gauge(registry, "tsubame.backup.last.success.age.seconds", "Time since the last successful run",
                "kind", "backup", report -> age(report.backup()));
        gauge(registry, "tsubame.backup.last.success.age.seconds", "Time since the last successful run",
                "kind", "verify", report -> age(report.verifiedRestore()));
        gauge(registry, "tsubame.backup.last.failed", "1 when the newest finished run failed",
                "kind", "backup", report -> report.backup().lastFailed() ? 1 : 0);
        gauge(registry, "tsubame.backup.last.failed", "1 when the newest finished run failed",
                "kind", "verify", report -> report.verifiedRestore().lastFailed() ? 1 : 0);
        for (QueueName queue : QueueName.values()) {
            gauge(registry, "tsubame.queue.latency.p95.seconds", "95th percentile of the queue's latency, 24 hours",
                    "queue", queue.queueName(), report -> report.queues().stream()
                            .filter(latency -> latency.queue().equals(queue.queueName()))
                            .findFirst().map(latency -> seconds(latency.p95())).orElse(Double.NaN));
        }
        Gauge.builder("tsubame.reports.open", this, metrics -> metrics.health.report().openReports())
                .description("Reports no moderator has acted on").register(registry);
        Gauge.builder("tsubame.moderation.actions.30d", this,
                        metrics -> metrics.health.report().moderatorActions())
                .description("Moderator and admin actions in the last 30 days").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
                       ToDoubleFunction<HealthReport> figure) {
        Gauge.builder(name, this, metrics -> figure.applyAsDouble(metrics.health.report()))
                .description(description).tag(tag, value).register(registry);
    }

    private double age(HealthReport.Backup backup) {
        return seconds(backup.age(clock.instant()));
    }

    private static double seconds(Duration duration) {
        return duration == null ? Double.NaN : duration.toMillis() / 1000.0;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
