package social.tsubame.api.apps;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import social.tsubame.oauth.OAuthApplication;

/** Mastodon's Application entity; the client id and secret only in the answer to its registration. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record ApiApplication(String id, String name, @JsonInclude(JsonInclude.Include.ALWAYS) String website,
                      Set<String> scopes,
                      @JsonProperty("redirect_uri") String redirectUri,
                      @JsonProperty("redirect_uris") List<String> redirectUris,
                      @JsonProperty("vapid_key") String vapidKey,
                      @JsonProperty("client_id") String clientId,
                      @JsonProperty("client_secret") String clientSecret,
                      @JsonProperty("client_secret_expires_at") Long clientSecretExpiresAt) {

    static ApiApplication of(OAuthApplication app) {
        return new ApiApplication(Long.toString(app.id()), app.name(), app.website(), app.scopes(),
                String.join("\n", app.redirectUris()), app.redirectUris(), "", null, null, null);
    }

    static ApiApplication withCredentials(OAuthApplication app, String clientSecret) {
        return new ApiApplication(Long.toString(app.id()), app.name(), app.website(), app.scopes(),
                String.join("\n", app.redirectUris()), app.redirectUris(), "", app.clientId(), clientSecret, 0L);
    }
}
