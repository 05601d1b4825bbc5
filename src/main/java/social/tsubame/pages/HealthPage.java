package social.tsubame.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.health.HealthReport;
import social.tsubame.health.ServerHealth;

/** {@code /about/health}: how well the server is run, measured by itself, for someone choosing a server. */
@Controller
@Profile(Roles.WEB)
class HealthPage {

    record Uptime(String window, String share) {
    }

    record Queue(String name, String current, String p95) {
    }

    /** @param failed whether the newest run failed, shown beside the age of the last good one */
    record Backup(String lastSuccess, boolean failed) {
    }

    private final ServerHealth health;
    private final SiteModel site;
    private final Uris uris;

    HealthPage(ServerHealth health, SiteModel site, Uris uris) {
        this.health = health;
        this.site = site;
        this.uris = uris;
    }

    @PageGet("/about/health")
    String health(Model model) {
        HealthReport report = health.report();
        Instant now = report.generatedAt();
        model.addAttribute("uptime", report.uptime().entrySet().stream()
                .map(entry -> new Uptime(entry.getKey(), percent(entry.getValue()))).toList());
        model.addAttribute("queues", report.queues().stream()
                .map(queue -> new Queue(queue.queue(), latency(queue.current()), latency(queue.p95()))).toList());
        model.addAttribute("federation", report.federation());
        model.addAttribute("backup", backup(report.backup(), now));
        model.addAttribute("verifiedRestore", backup(report.verifiedRestore(), now));
        model.addAttribute("version", report.softwareVersion());
        model.addAttribute("openReports", report.openReports());
        model.addAttribute("moderatorActions", report.moderatorActions());
        model.addAttribute("commitments", report.commitments());
        model.addAttribute("meta", PageMeta.website("Health of " + site.site().name(),
                "Uptime, queue latency, backups and moderation of " + site.site().domain() + ", measured by itself.",
                uris.base() + "/about/health"));
        return "pages/health";
    }

    private static String percent(Double share) {
        return share == null ? "not measured yet" : String.format(Locale.ENGLISH, "%.2f %%", share * 100);
    }

    private static String latency(Duration latency) {
        if (latency == null) {
            return "not measured yet";
        }
        return latency.toSeconds() < 1 ? "under a second" : age(latency);
    }

    private static Backup backup(HealthReport.Backup backup, Instant now) {
        Duration age = backup.age(now);
        return new Backup(age == null ? "never" : age(age) + " ago (" + PageFormats.dateTime(backup.lastSuccessAt())
                + ")", backup.lastFailed());
    }

    private static String age(Duration age) {
        if (age.toDays() >= 1) {
            return count(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return count(age.toHours(), "hour");
        }
        if (age.toMinutes() >= 1) {
            return count(age.toMinutes(), "minute");
        }
        return count(Math.max(0, age.toSeconds()), "second");
    }

    private static String count(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
