package social.tsubame.instance;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ServerIdentity;

/** {@code GET /api/v1/instance}: the server's description for client apps. */
@RestController
@Profile(Roles.WEB)
class InstanceController {

    private final ServerIdentity identity;
    private final InstanceStatistics statistics;
    private final SoftwareVersion version;

    InstanceController(ServerIdentity identity, InstanceStatistics statistics, SoftwareVersion version) {
        this.identity = identity;
        this.statistics = statistics;
        this.version = version;
    }

    @GetMapping("/api/v1/instance")
    Map<String, Object> instance() {
        InstanceStatistics.Counts counts = statistics.counts();
        return Map.of(
                "uri", identity.localDomain(),
                "title", identity.localDomain(),
                "version", version.mastodonCompatible(),
                "urls", Map.of("streaming_api", identity.baseUrl().replaceFirst("^http", "ws")),
                "stats", Map.of("user_count", counts.users(), "status_count", counts.localPosts(),
                        "domain_count", counts.domains()));
    }
}
