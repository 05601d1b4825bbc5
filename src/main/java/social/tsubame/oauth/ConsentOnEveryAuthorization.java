package social.tsubame.oauth;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Mastodon asks the user on every authorization, so no earlier answer is remembered. The server's own web client
 * skips the question altogether ({@code requireAuthorizationConsent} is off for it alone, in
 * {@link ApplicationClients}), so it never reaches this store.
 */
class ConsentOnEveryAuthorization implements OAuth2AuthorizationConsentService {

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
