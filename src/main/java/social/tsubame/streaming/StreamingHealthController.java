package social.tsubame.streaming;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;

/** {@code GET /api/v1/streaming/health}, which Mastodon clients and proxies probe before opening a socket. */
@RestController
@Profile(Roles.STREAMING)
class StreamingHealthController {

    @GetMapping("/api/v1/streaming/health")
    String health() {
        return "OK";
    }
}
