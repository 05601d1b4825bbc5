package social.tsubame.webclient;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import social.tsubame.boot.Roles;
import social.tsubame.core.ServerIdentity;
import social.tsubame.oauth.WebClientApplication;

/**
 * The web client's one page: the same shell for {@code /} and every in-app address under {@code /web/}, so a link
 * to {@code /web/statuses/1} can be opened, reloaded and shared; the scripts then draw the view the address names.
 */
@Controller
@Profile(Roles.WEB)
class WebClientPages {

    private final ServerIdentity identity;

    WebClientPages(ServerIdentity identity) {
        this.identity = identity;
    }

    @GetMapping({"/", "/web", "/web/**"})
    String shell(Model model) {
        model.addAttribute("server", identity.localDomain());
        model.addAttribute("clientId", WebClientApplication.CLIENT_ID);
        model.addAttribute("scopes", WebClientApplication.SCOPES);
        model.addAttribute("callbackPath", WebClientApplication.CALLBACK_PATH);
        return "web/app";
    }
}
