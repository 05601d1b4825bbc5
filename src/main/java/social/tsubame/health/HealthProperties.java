package social.tsubame.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the health page and its alerts.
 *
 * @param cacheFor          how long one computed report is served before it is computed again
 * @param retention         how long uptime and latency samples are kept
 * @param alertWebhookUrl   where alerts are POSTed; blank sends none
 * @param downAfter         a gap between heartbeats longer than this is reported as the server having been down
 * @param queueLatency      a queue whose latency stays above this ...
 * @param queueMinutes      ... for this many consecutive minute samples is reported
 * @param commitmentBackups the operator's backup policy, in their words
 * @param commitmentClosingNotice the notice the operator promises before closing the server
 */
@ConfigurationProperties("tsubame.health")
record HealthProperties(Duration cacheFor, Duration retention, String alertWebhookUrl, Duration downAfter,
                        Duration queueLatency, Integer queueMinutes, String commitmentBackups,
                        String commitmentClosingNotice) {

    HealthProperties {
        cacheFor = cacheFor != null ? cacheFor : Duration.ofSeconds(30);
        retention = retention != null ? retention : Duration.ofDays(90);
        alertWebhookUrl = alertWebhookUrl != null ? alertWebhookUrl.strip() : "";
        downAfter = downAfter != null ? downAfter : Duration.ofMinutes(3);
        queueLatency = queueLatency != null ? queueLatency : Duration.ofMinutes(1);
        queueMinutes = queueMinutes != null ? queueMinutes : 5;
        commitmentBackups = commitmentBackups != null ? commitmentBackups.strip() : "";
        commitmentClosingNotice = commitmentClosingNotice != null ? commitmentClosingNotice.strip() : "";
    }
}
