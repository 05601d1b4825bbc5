package social.tsubame.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.AddAccountAlias;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.Browsers;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

/** Moving accounts from the web client's settings: aliases added and removed, then the account moved away. */
@TsubameTest
class AccountMigrationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    AddAccountAlias addAlias;

    @Test
    void anAliasIsAddedAndRemovedThenTheAccountMovesToOneThatNamesIt() {
        LocalUsers.ensure(createLocalAccount, accounts, "otto_leaving", "nadia_arriving");
        try (Browsers.Browser browser = Browsers.start(1280, 900)) {
            WebClientPage otto = new WebClientPage(browser.driver(), "http://localhost:" + port);
            otto.signIn("otto_leaving", LocalUsers.PASSWORD);
            otto.open("/web/settings/migration");

            otto.until(By.id("alias-acct")).sendKeys("nadia_arriving", Keys.ENTER);
            otto.until(By.xpath("//ul[@aria-label='Aliases']/li[contains(., '@nadia_arriving')]//button")).click();
            otto.until(By.xpath("//ul[@aria-label='Aliases']/li[normalize-space()='No aliases.']"));
            assertThat(accounts.findLocal("otto_leaving").orElseThrow().alsoKnownAs()).isEmpty();

            otto.until(By.id("move-acct")).sendKeys("nadia_arriving");
            otto.until(By.id("move-password")).sendKeys(LocalUsers.PASSWORD, Keys.ENTER);
            otto.until(By.xpath("//form[@aria-label='Move this account']//p[@role='alert' and contains(., "
                    + "'Not moved')]"));
            assertThat(accounts.findLocal("otto_leaving").orElseThrow().movedToAccountId()).isNull();

            Account nadia = accounts.findLocal("nadia_arriving").orElseThrow();
            addAlias.add(nadia.id(), "otto_leaving");
            otto.until(By.id("move-password")).sendKeys(Keys.ENTER);

            otto.until(By.xpath("//p[contains(@class,'moved-note')][contains(., 'moved to @nadia_arriving')]"));
            assertThat(accounts.findLocal("otto_leaving").orElseThrow().movedToAccountId()).isEqualTo(nadia.id());
        }
    }
}
