package social.tsubame.oauth;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import social.tsubame.core.Uris;

/**
 * The authorization server's view of our registered apps. Every app may use the code flow (with or without its
 * secret, PKCE then being required), client credentials and refresh tokens, as Mastodon's apps may. The server's
 * own web client ({@link WebClientApplication}) is the exception.
 */
@Component
class ApplicationClients implements RegisteredClientRepository {

    private final OAuthApplications applications;
    private final Uris uris;
    private final TokenSettings tokenSettings;

    ApplicationClients(OAuthApplications applications, Uris uris,
                       @Value("${tsubame.oauth.access-token-lifetime}") Duration accessTokenLifetime,
                       @Value("${tsubame.oauth.refresh-token-lifetime}") Duration refreshTokenLifetime) {
        this.applications = applications;
        this.uris = uris;
        this.tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .accessTokenTimeToLive(accessTokenLifetime)
                .refreshTokenTimeToLive(refreshTokenLifetime)
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(Duration.ofMinutes(10))
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("apps are registered through POST /api/v1/apps");
    }

    @Override
    public RegisteredClient findById(String id) {
        try {
            return applications.findById(Long.parseLong(id)).map(this::toClient).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return applications.findByClientId(clientId).map(this::toClient).orElse(null);
    }

    private RegisteredClient toClient(OAuthApplication app) {
        if (WebClientApplication.isWebClient(app)) {
            return webClient(app);
        }
        return RegisteredClient.withId(Long.toString(app.id()))
                .clientId(app.clientId())
                .clientSecret(app.clientSecretHash())
                .clientName(app.name())
                .clientIdIssuedAt(app.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scopes(scopes -> scopes.addAll(Scopes.withGranularForms(app.scopes())))
                // PKCE is the app's choice, as on Mastodon; an app signing in without its secret must use it
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).requireProofKey(false)
                        .build())
                .tokenSettings(tokenSettings)
                .build();
    }

    /** The server's own browser client: public, always with PKCE, never asked for consent. */
    private RegisteredClient webClient(OAuthApplication app) {
        return RegisteredClient.withId(Long.toString(app.id()))
                .clientId(app.clientId())
                .clientName(app.name())
                .clientIdIssuedAt(app.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(WebClientApplication.callbackUri(uris))
                .scopes(scopes -> scopes.addAll(Scopes.withGranularForms(app.scopes())))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true)
                        .build())
                .tokenSettings(tokenSettings)
                .build();
    }
}
