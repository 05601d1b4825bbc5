package social.tsubame.oauth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.ApiClient.Response;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;

@TsubameTest
class PasswordPagesTest {

    private static final String NEW_PASSWORD = "an even better passphrase";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void users() {
        LocalUsers.ensure(createLocalAccount, accounts, "pascal");
    }

    private static Response change(ApiClient.Browser browser, String current, String password, String confirmation) {
        return browser.post("/auth/password", Map.of("current_password", current, "password", password,
                "password_confirmation", confirmation, "_csrf", browser.csrfToken("/auth/password")));
    }

    @Test
    void theCurrentPasswordIsNeededAndTheNewOneWorksFromThenOn() {
        ApiClient api = new ApiClient(port);
        ApiClient.Browser browser = api.new Browser();
        browser.signIn("pascal", LocalUsers.PASSWORD);

        Response wrongCurrent = change(browser, "not my password", NEW_PASSWORD, NEW_PASSWORD);
        Response mismatch = change(browser, LocalUsers.PASSWORD, NEW_PASSWORD, "something else entirely");
        Response tooShort = change(browser, LocalUsers.PASSWORD, "short", "short");
        Response changed = change(browser, LocalUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(wrongCurrent.status()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("The current password is wrong");
        assertThat(mismatch.body()).contains("differ");
        assertThat(tooShort.body()).contains("at least 8 characters");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("Your password has been changed");
        assertThat(api.new Browser().signIn("pascal", LocalUsers.PASSWORD).location()).contains("error");
        assertThat(api.new Browser().signIn("pascal", NEW_PASSWORD).location()).doesNotContain("error");
    }

    @Test
    void thePageIsOnlyForSomeoneSignedIn() {
        ApiClient.Browser browser = new ApiClient(port).new Browser();

        Response anonymous = browser.get("/auth/password");

        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/auth/sign_in");
    }
}
