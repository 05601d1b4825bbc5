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

/**
 * The authorization server's view of our registered apps. Every app may use the code flow (with or without its
 * secret, PKCE then being required), client credentials and refresh tokens, as Mastodon's apps may.
 */
@Component
class ApplicationClients implements RegisteredClientRepository {

    private final OAuthApplications applications;
    private final TokenSettings tokenSettings;

    ApplicationClients(OAuthApplications applications,
                       @Value("${tsubame.oauth.access-token-lifetime}") Duration accessTokenLifetime,
                       @Value("${tsubame.oauth.refresh-token-lifetime}") Duration refreshTokenLifetime) {
        this.applications = applications;
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
}
