package social.tsubame.account;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * Someone signs themselves up, through an app or the sign-up page: refused when registrations are closed or the
 * server's terms are not accepted, waiting for a moderator when registrations need approval.
 */
@Service
public class SignUpLocalUser {

    public record Command(String username, String email, String password, boolean agreement, String reason,
                          String locale) {
    }

    private final CreateLocalAccount createLocalAccount;
    private final RegistrationSettings registrations;

    public SignUpLocalUser(CreateLocalAccount createLocalAccount, RegistrationSettings registrations) {
        this.createLocalAccount = createLocalAccount;
        this.registrations = registrations;
    }

    @Transactional
    public User signUp(Command command) {
        if (registrations.mode() == RegistrationSettings.Mode.CLOSED) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Registrations are closed on this server");
        }
        if (!command.agreement()) {
            throw ApiException.unprocessable("Validation failed: Agreement must be accepted");
        }
        return createLocalAccount.signUp(new CreateLocalAccount.Command(command.username(), command.email(),
                        command.password(), Role.USER), registrations.mode() == RegistrationSettings.Mode.OPEN,
                blankToNull(command.reason()), blankToNull(command.locale()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
