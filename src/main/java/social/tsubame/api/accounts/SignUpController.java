package social.tsubame.api.accounts;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.oauth.Scopes;
import social.tsubame.oauth.SignUpForApp;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.ApiToken;
import social.tsubame.web.auth.RequiresScope;

@RestController
@Profile(Roles.WEB)
class SignUpController {

    record SignUp(String username, String email, String password, Boolean agreement, String locale, String reason) {
    }

    /** Mastodon's Token entity. */
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                 String scope, @JsonProperty("created_at") long createdAt) {
    }

    private final SignUpForApp signUpForApp;

    SignUpController(SignUpForApp signUpForApp) {
        this.signUpForApp = signUpForApp;
    }

    @PostMapping("/api/v1/accounts")
    @RequiresScope("write:accounts")
    Token signUp(@ApiParams SignUp params, ApiToken appToken) {
        Set<String> scopes = appToken.scopes();
        SignUpForApp.Issued issued = signUpForApp.signUp(new SignUpForApp.Command(appToken.applicationId(), scopes,
                params.username(), params.email(), params.password(), Boolean.TRUE.equals(params.agreement()),
                params.reason(), params.locale()));
        return new Token(issued.accessToken(), "Bearer", Scopes.join(issued.scopes()),
                issued.createdAt().getEpochSecond());
    }
}
