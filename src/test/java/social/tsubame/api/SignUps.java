package social.tsubame.api;

import java.util.Map;

import social.tsubame.testing.ApiClient;

/** An app's own token, the one it signs people up with. */
final class SignUps {

    private SignUps() {
    }

    static String appToken(ApiClient api) {
        ApiClient.App app = api.registerApp("read write");
        return api.postForm("/oauth/token", null, Map.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "scope", "read write"))
                .json().get("access_token").asString();
    }
}
