package social.tsubame.oauth;

import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import social.tsubame.boot.Roles;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;

/**
 * The browser client this server serves at {@code /}: an OAuth app of its own, made at startup when missing. It is a
 * public client (it keeps no secret; PKCE proves each code exchange), and as the server's own client it is the one
 * app that gets no consent page: signing in is all a person does to use it. It asks for the admin scopes too, so
 * that moderators can moderate from it; the admin API still lets in only those whose role allows it.
 */
@Component
@Profile(Roles.WEB)
public class WebClientApplication implements ApplicationRunner {

    public static final String CLIENT_ID = "tsubame-web";
    public static final String CALLBACK_PATH = "/web/callback";
    /** The client's address that starts its sign-in; with a session already there it needs no password. */
    public static final String SIGN_IN_PATH = "/web/sign_in";
    public static final String SCOPES = "read write follow push admin:read admin:write";
    private static final String NAME = "Tsubame web";

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Uris uris;

    WebClientApplication(JdbcTemplate jdbc, TimeOrderedIds ids, Uris uris) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.uris = uris;
    }

    /**
     * Several web processes may start at once; the unique client id lets exactly one insert win. An app made by an
     * earlier version gets this version's scopes.
     */
    @Override
    public void run(ApplicationArguments args) {
        jdbc.update("""
                INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id,
                                                client_secret_hash, confidential)
                VALUES (?, ?, ?, ?, ?, ?, ?, false)
                ON CONFLICT (client_id) DO UPDATE SET scopes = EXCLUDED.scopes""", ids.next(), NAME, uris.base(),
                new String[] {uris.base() + CALLBACK_PATH}, SCOPES, CLIENT_ID,
                SecretHashes.hash(SecretHashes.newSecret()));
    }

    static boolean isWebClient(OAuthApplication app) {
        return CLIENT_ID.equals(app.clientId());
    }

    /**
     * Where the client gets its code back: the callback on the origin the browser is using, which behind a proxy or
     * on a development port may differ from the configured domain. A code can thus only ever go to this server.
     */
    static String callbackUri(Uris uris) {
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .map(current -> ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString())
                .orElse(uris.base() + CALLBACK_PATH);
    }
}
