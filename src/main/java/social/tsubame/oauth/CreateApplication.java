package social.tsubame.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/** Registers a client app, Mastodon's {@code POST /api/v1/apps}. */
@Service
public class CreateApplication {

    /** The app's out-of-band redirect: the code is shown to the user to paste into the app. */
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    private static final int MAX_NAME_LENGTH = 60;
    private static final int MAX_URI_LENGTH = 2_000;

    public record Command(String name, String website, List<String> redirectUris, String scopes) {
    }

    /** The app as stored, and its secret in clear: the only time anyone sees it. */
    public record Registered(OAuthApplication application, String clientSecret) {
    }

    private final OAuthApplications applications;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public CreateApplication(OAuthApplications applications, TimeOrderedIds ids, Clock clock) {
        this.applications = applications;
        this.ids = ids;
        this.clock = clock;
    }

    public Registered create(Command command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            throw ApiException.unprocessable("Validation failed: Application name can't be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.unprocessable("Validation failed: Application name is too long (maximum is "
                    + MAX_NAME_LENGTH + " characters)");
        }
        List<String> redirectUris = command.redirectUris() == null ? List.of() : command.redirectUris().stream()
                .flatMap(uris -> uris.lines()).map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
        if (redirectUris.isEmpty()) {
            throw ApiException.unprocessable("Validation failed: Redirect URI can't be blank");
        }
        redirectUris.forEach(CreateApplication::checkRedirectUri);
        String website = command.website() == null || command.website().isBlank() ? null : command.website().strip();
        if (website != null) {
            checkWebsite(website);
        }
        Set<String> scopes = Scopes.parse(command.scopes());
        String secret = SecretHashes.newSecret();
        OAuthApplication app = new OAuthApplication(ids.next(), name, website, redirectUris, scopes,
                SecretHashes.newSecret(), SecretHashes.hash(secret), clock.instant());
        applications.insert(app);
        return new Registered(app, secret);
    }

    private static void checkRedirectUri(String uri) {
        if (uri.equals(OUT_OF_BAND)) {
            return;
        }
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getFragment() != null || uri.length() > MAX_URI_LENGTH) {
                throw new URISyntaxException(uri, "not an absolute URI without fragment");
            }
        } catch (URISyntaxException e) {
            throw ApiException.unprocessable("Validation failed: Redirect URI must be an absolute URI.");
        }
    }

    private static void checkWebsite(String website) {
        try {
            URI parsed = new URI(website);
            if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())
                    || website.length() > MAX_URI_LENGTH) {
                throw new URISyntaxException(website, "not a web address");
            }
        } catch (URISyntaxException e) {
            throw ApiException.unprocessable("Validation failed: Website is invalid");
        }
    }
}
