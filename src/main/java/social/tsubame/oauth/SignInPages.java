package social.tsubame.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;

/** The pages of the OAuth flow a person sees: sign in, allow an app, copy a code into an app. */
@Controller
@Profile(Roles.WEB)
class SignInPages {

    private final OAuthApplications applications;
    private final ServerIdentity identity;

    SignInPages(OAuthApplications applications, ServerIdentity identity) {
        this.applications = applications;
        this.identity = identity;
    }

    @GetMapping(AuthorizationServerSecurity.SIGN_IN_PAGE)
    String signIn(Model model) {
        model.addAttribute("server", identity.localDomain());
        return "oauth/sign_in";
    }

    @GetMapping(AuthorizationServerSecurity.CONSENT_PAGE)
    String consent(@RequestParam("client_id") String clientId, @RequestParam("state") String state,
                   @RequestParam(name = "scope", defaultValue = "") String scope, Model model) {
        OAuthApplication app = applications.findByClientId(clientId).orElseThrow(ApiException::notFound);
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
        scopes.removeIf(String::isBlank);
        model.addAttribute("server", identity.localDomain());
        model.addAttribute("app", app);
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scopes", List.copyOf(scopes));
        return "oauth/consent";
    }

    @GetMapping(AuthorizationServerSecurity.OUT_OF_BAND_PAGE)
    String outOfBandCode(@RequestParam("code") String code, Model model) {
        model.addAttribute("server", identity.localDomain());
        model.addAttribute("code", code);
        return "oauth/code";
    }
}
