package social.tsubame.api.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.RegistrationSettings;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.boot.Roles;
import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.InstanceContact;
import social.tsubame.instance.InstanceSettings;
import social.tsubame.instance.InstanceStatistics;
import social.tsubame.instance.ServerRules;
import social.tsubame.instance.SoftwareVersion;
import social.tsubame.media.AttachMedia;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaProperties;

/** What the server tells apps about itself: {@code /api/v2/instance}, the older v1 shape, peers and activity. */
@RestController
@Profile(Roles.WEB)
class InstanceController {

    private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final int CHARACTERS_PER_URL = 23;
    private static final int WEEKS_OF_ACTIVITY = 12;

    private final ServerIdentity identity;
    private final InstanceSettings settings;
    private final InstanceStatistics statistics;
    private final SoftwareVersion version;
    private final RegistrationSettings registrations;
    private final MediaProperties media;
    private final JdbcTemplate jdbc;
    private final ServerRules rules;
    private final InstanceContact contact;
    private final AccountsToApiAccounts toApiAccounts;
    private final int maxCharacters;

    InstanceController(ServerIdentity identity, InstanceSettings settings, InstanceStatistics statistics,
                       SoftwareVersion version, RegistrationSettings registrations, MediaProperties media,
                       JdbcTemplate jdbc, ServerRules rules, InstanceContact contact,
                       AccountsToApiAccounts toApiAccounts,
                       @Value("${tsubame.statuses.max-characters:500}") int maxCharacters) {
        this.identity = identity;
        this.settings = settings;
        this.statistics = statistics;
        this.version = version;
        this.registrations = registrations;
        this.media = media;
        this.jdbc = jdbc;
        this.rules = rules;
        this.contact = contact;
        this.toApiAccounts = toApiAccounts;
        this.maxCharacters = maxCharacters;
    }

    @GetMapping("/api/v2/instance")
    Map<String, Object> instance() {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("domain", identity.localDomain());
        instance.put("title", title());
        instance.put("version", version.mastodonCompatible());
        instance.put("source_url", settings.sourceUrl());
        instance.put("description", settings.description());
        instance.put("usage", Map.of("users", Map.of("active_month", statistics.counts().activeMonth())));
        instance.put("thumbnail", Map.of("url", identity.baseUrl() + "/headers/original/missing.png"));
        instance.put("icon", List.of());
        instance.put("languages", settings.languages());
        instance.put("configuration", Map.of(
                "urls", urls(),
                "vapid", Map.of("public_key", ""),
                "accounts", Map.of("max_featured_tags", 10, "max_pinned_statuses", 5),
                "statuses", statusLimits(),
                "media_attachments", mediaLimits(),
                "polls", Map.of("max_options", 4, "max_characters_per_option", 50, "min_expiration", 300,
                        "max_expiration", 2_629_746),
                "translation", Map.of("enabled", false)));
        instance.put("registrations", Map.of("enabled", registrationsOpen(),
                "approval_required", registrations.mode() == RegistrationSettings.Mode.APPROVED));
        instance.put("api_versions", Map.of("mastodon", 2));
        Map<String, Object> contactInfo = new LinkedHashMap<>();
        contactInfo.put("email", settings.contactEmail());
        contactInfo.put("account", contactAccount());
        instance.put("contact", contactInfo);
        instance.put("rules", rules());
        return instance;
    }

    @GetMapping("/api/v1/instance")
    Map<String, Object> instanceV1() {
        InstanceStatistics.Counts counts = statistics.counts();
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("uri", identity.localDomain());
        instance.put("title", title());
        instance.put("short_description", settings.description());
        instance.put("description", settings.description());
        instance.put("email", settings.contactEmail());
        instance.put("version", version.mastodonCompatible());
        instance.put("urls", Map.of("streaming_api", streamingUrl()));
        instance.put("stats", Map.of("user_count", counts.users(), "status_count", counts.localPosts(),
                "domain_count", counts.domains()));
        instance.put("thumbnail", identity.baseUrl() + "/headers/original/missing.png");
        instance.put("languages", settings.languages());
        instance.put("registrations", registrationsOpen());
        instance.put("approval_required", registrations.mode() == RegistrationSettings.Mode.APPROVED);
        instance.put("invites_enabled", false);
        instance.put("configuration", Map.of("statuses", statusLimits(), "media_attachments", mediaLimits(),
                "accounts", Map.of("max_featured_tags", 10)));
        instance.put("contact_account", contactAccount());
        instance.put("rules", rules());
        return instance;
    }

    /** The servers this one knows accounts on. */
    @GetMapping("/api/v1/instance/peers")
    List<String> peers() {
        return jdbc.queryForList("SELECT DISTINCT domain FROM accounts WHERE domain IS NOT NULL ORDER BY domain",
                String.class);
    }

    /** Local posts, sign-ins and sign-ups per week, the last twelve weeks, newest first. */
    @GetMapping("/api/v1/instance/activity")
    List<Map<String, String>> activity() {
        return jdbc.query("""
                WITH weeks AS (
                    SELECT generate_series(date_trunc('week', now()) - (? - 1) * interval '1 week',
                                           date_trunc('week', now()), interval '1 week') AS week)
                SELECT extract(epoch FROM w.week)::bigint AS week,
                       (SELECT count(*) FROM statuses s WHERE s.local AND s.created_at >= w.week
                            AND s.created_at < w.week + interval '1 week') AS statuses,
                       (SELECT count(*) FROM users u WHERE u.current_sign_in_at >= w.week
                            AND u.current_sign_in_at < w.week + interval '1 week') AS logins,
                       (SELECT count(*) FROM users u WHERE u.created_at >= w.week
                            AND u.created_at < w.week + interval '1 week') AS registrations
                FROM weeks w ORDER BY w.week DESC""",
                (row, index) -> Map.of("week", row.getString("week"), "statuses", row.getString("statuses"),
                        "logins", row.getString("logins"), "registrations", row.getString("registrations")),
                WEEKS_OF_ACTIVITY);
    }

    private String title() {
        return settings.titleOr(identity.localDomain());
    }

    private List<Map<String, String>> rules() {
        return rules.all().stream().map(rule -> Map.of("id", Long.toString(rule.id()), "text", rule.text(),
                "hint", rule.hint())).toList();
    }

    /** Null when the server has no one to name, as Mastodon sends it. */
    private ApiAccount contactAccount() {
        return contact.accountId().flatMap(toApiAccounts::one).orElse(null);
    }

    private boolean registrationsOpen() {
        return registrations.mode() != RegistrationSettings.Mode.CLOSED;
    }

    private Map<String, Object> urls() {
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("streaming", streamingUrl());
        urls.put("about", identity.baseUrl() + "/about");
        return urls;
    }

    private String streamingUrl() {
        return identity.baseUrl().replaceFirst("^http", "ws");
    }

    private Map<String, Object> statusLimits() {
        return Map.of("max_characters", maxCharacters, "max_media_attachments", AttachMedia.MAX_ATTACHMENTS,
                "characters_reserved_per_url", CHARACTERS_PER_URL);
    }

    private Map<String, Object> mediaLimits() {
        return Map.of("supported_mime_types", IMAGE_TYPES,
                "description_limit", MediaAttachment.MAX_DESCRIPTION_LENGTH,
                "image_size_limit", media.imageSizeLimit().toBytes(),
                "image_matrix_limit", media.imagePixelLimit(),
                "video_size_limit", 0, "video_frame_rate_limit", 0, "video_matrix_limit", 0);
    }
}
