package social.tsubame.oauth;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import social.tsubame.account.RegistrationSettings;
import social.tsubame.account.SignUpLocalUser;
import social.tsubame.account.User;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.instance.ServerRules;

/**
 * The sign-up page for people in a browser, beside the sign-up apps use ({@code POST /api/v1/accounts}). Someone
 * let in at once is signed in and sent on to the web client; under approval they learn that they have to wait.
 */
@Controller
@Profile(Roles.WEB)
class SignUpPages {

    static final String SIGN_UP_PAGE = "/auth/sign_up";

    /** What the form sends; the password never goes back into the page. */
    record SignUpForm(String username, String email, String password, String passwordConfirmation,
                      Boolean agreement, String reason) {
    }

    private final SignUpLocalUser signUpLocalUser;
    private final RegistrationSettings registrations;
    private final LocalSignIns signIns;
    private final ServerIdentity identity;
    private final ServerRules rules;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignUpPages(SignUpLocalUser signUpLocalUser, RegistrationSettings registrations, LocalSignIns signIns,
                ServerIdentity identity, ServerRules rules) {
        this.signUpLocalUser = signUpLocalUser;
        this.registrations = registrations;
        this.signIns = signIns;
        this.identity = identity;
        this.rules = rules;
    }

    @GetMapping(SIGN_UP_PAGE)
    String form(Model model) {
        return page(model, new SignUpForm("", "", null, null, false, ""), null);
    }

    @PostMapping(SIGN_UP_PAGE)
    String signUp(SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, form, "The password and its confirmation differ");
        }
        User user;
        try {
            user = signUpLocalUser.signUp(new SignUpLocalUser.Command(form.username(), form.email(), form.password(),
                    Boolean.TRUE.equals(form.agreement()), form.reason(), request.getLocale().toLanguageTag()));
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            return page(model, form, refused.getMessage());
        }
        if (!user.approved()) {
            model.addAttribute("server", identity.localDomain());
            return "oauth/sign_up_pending";
        }
        signIn(form.username(), request, response);
        return "redirect:" + WebClientApplication.SIGN_IN_PATH;
    }

    private String page(Model model, SignUpForm form, String error) {
        model.addAttribute("server", identity.localDomain());
        model.addAttribute("mode", registrations.mode().name().toLowerCase(Locale.ROOT));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("rules", rules.all());
        return "oauth/sign_up";
    }

    /** As the sign-in form would: a new session id (no fixation), the user in its security context. */
    private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails details = signIns.loadUserByUsername(username);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null,
                details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
