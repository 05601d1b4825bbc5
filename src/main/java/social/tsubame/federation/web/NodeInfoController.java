package social.tsubame.federation.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.account.RegistrationSettings;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.InstanceStatistics;
import social.tsubame.instance.SoftwareVersion;

/** NodeInfo 2.0 and 2.1, how other servers and crawlers learn what software this is and how big. */
@RestController
@Profile(Roles.FEDERATION)
class NodeInfoController {

    private static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";
    private static final List<String> VERSIONS = List.of("2.0", "2.1");

    private final ServerIdentity identity;
    private final InstanceStatistics statistics;
    private final SoftwareVersion version;
    private final RegistrationSettings registrations;

    NodeInfoController(ServerIdentity identity, InstanceStatistics statistics, SoftwareVersion version,
                       RegistrationSettings registrations) {
        this.identity = identity;
        this.statistics = statistics;
        this.version = version;
        this.registrations = registrations;
    }

    @GetMapping(value = "/.well-known/nodeinfo", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        return Map.of("links", VERSIONS.stream()
                .map(v -> Map.of("rel", SCHEMA + v, "href", identity.baseUrl() + "/nodeinfo/" + v))
                .toList());
    }

    @GetMapping(value = "/nodeinfo/{schemaVersion}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> nodeInfo(@PathVariable String schemaVersion) {
        if (!VERSIONS.contains(schemaVersion)) {
            throw ApiException.notFound();
        }
        InstanceStatistics.Counts counts = statistics.counts();
        return Map.of(
                "version", schemaVersion,
                "software", Map.of("name", "tsubame", "version", version.version()),
                "protocols", List.of("activitypub"),
                "services", Map.of("inbound", List.of(), "outbound", List.of()),
                "openRegistrations", registrations.mode() == RegistrationSettings.Mode.OPEN,
                "usage", Map.of(
                        "users", Map.of("total", counts.users(), "activeMonth", counts.activeMonth(),
                                "activeHalfyear", counts.activeHalfyear()),
                        "localPosts", counts.localPosts()),
                "metadata", Map.of("nodeName", identity.localDomain()));
    }
}
