package social.tsubame.api.apps;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.oauth.CreateApplication;
import social.tsubame.oauth.CreateApplication.Registered;
import social.tsubame.oauth.OAuthApplications;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.ApiToken;

@RestController
@Profile(Roles.WEB)
class AppsController {

    record Registration(String clientName, List<String> redirectUris, String scopes, String website) {
    }

    private final CreateApplication createApplication;
    private final OAuthApplications applications;

    AppsController(CreateApplication createApplication, OAuthApplications applications) {
        this.createApplication = createApplication;
        this.applications = applications;
    }

    @PostMapping("/api/v1/apps")
    ApiApplication register(@ApiParams Registration registration) {
        Registered registered = createApplication.create(new CreateApplication.Command(registration.clientName(),
                registration.website(), registration.redirectUris(), registration.scopes()));
        return ApiApplication.withCredentials(registered.application(), registered.clientSecret());
    }

    @GetMapping("/api/v1/apps/verify_credentials")
    ApiApplication verifyCredentials(ApiToken token) {
        return applications.findById(token.applicationId()).map(ApiApplication::of)
                .orElseThrow(ApiException::notFound);
    }
}
