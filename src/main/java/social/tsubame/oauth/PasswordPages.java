package social.tsubame.oauth;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import social.tsubame.account.ChangePassword;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;

/**
 * Changing one's password, on a page of the server as on Mastodon (no app gets to do it): the session of the
 * sign-in form says who, the current password proves it.
 */
@Controller
@Profile(Roles.WEB)
class PasswordPages {

    static final String PASSWORD_PAGE = "/auth/password";

    private final ChangePassword changePassword;
    private final ServerIdentity identity;

    PasswordPages(ChangePassword changePassword, ServerIdentity identity) {
        this.changePassword = changePassword;
        this.identity = identity;
    }

    @GetMapping(PASSWORD_PAGE)
    String form(Model model) {
        model.addAttribute("server", identity.localDomain());
        return "oauth/password";
    }

    @PostMapping(PASSWORD_PAGE)
    String change(@RequestParam(name = "current_password", defaultValue = "") String currentPassword,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation,
                  Principal user, Model model, HttpServletResponse response) {
        model.addAttribute("server", identity.localDomain());
        try {
            // the principal's name is the user id (LocalSignIns)
            changePassword.change(new ChangePassword.Command(Long.parseLong(user.getName()), currentPassword,
                    password, confirmation));
            model.addAttribute("changed", true);
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.getMessage());
        }
        return "oauth/password";
    }
}
