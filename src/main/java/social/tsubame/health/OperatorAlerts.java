package social.tsubame.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.ServerIdentity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the operator's chat that something went wrong, through the webhook they configured. Each event is sent by
 * the one process that records it first, on a thread of its own, with a few retries. The body carries the text as
 * both {@code text} (Slack, Mattermost, Rocket.Chat) and {@code content} (Discord), so one URL of any of them works.
 * The address is the operator's own, often on their private network, so the federation client's address rules do
 * not apply to it.
 */
@Component
class OperatorAlerts {

    private static final Log log = LogFactory.getLog(OperatorAlerts.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String webhookUrl;
    private final String serverName;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OperatorAlerts(JdbcTemplate jdbc, JsonMapper json, HealthProperties properties,
                   ServerIdentity identity) {
        this.jdbc = jdbc;
        this.json = json;
        this.webhookUrl = properties.alertWebhookUrl();
        this.serverName = identity.localDomain();
    }

    /**
     * Sends the alert unless it was already sent for this event.
     *
     * @param eventKey names the event, so that every process noticing it sends it once between them
     */
    void raise(String eventKey, String text) {
        if (webhookUrl.isEmpty() || !claim(eventKey)) {
            return;
        }
        String message = serverName + ": " + text;
        Thread.ofVirtual().name("operator-alert").start(() -> send(message));
    }

    private boolean claim(String eventKey) {
        return jdbc.update("INSERT INTO health_alerts (event_key) VALUES (?) ON CONFLICT DO NOTHING", eventKey) == 1;
    }

    /** Forgets events sent before the cutoff: none of them can be noticed again after so long. */
    void forgetBefore(Instant cutoff) {
        jdbc.update("DELETE FROM health_alerts WHERE sent_at < ?", Timestamp.from(cutoff));
    }

    private void send(String message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("text", message, "content", message))))
                .build();
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                log.warn("The alert webhook answered " + status + " (attempt " + attempt + ")");
            } catch (IOException e) {
                log.warn("Cannot reach the alert webhook (attempt " + attempt + "): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
        log.error("Gave up sending an alert to the webhook: " + message);
    }
}
