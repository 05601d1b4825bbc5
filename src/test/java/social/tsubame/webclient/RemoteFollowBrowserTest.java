package social.tsubame.webclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.Browsers;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Following someone on another server from the web client: found by typing their handle into search. */
@TsubameTest
class RemoteFollowBrowserTest {

    /** The other server fetches this one's actors at the domain it is told, so it must be the real port. */
    private static final int PORT = TestServer.freePort();

    static TestServer remote;

    @DynamicPropertySource
    static void reachableOnLoopback(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("tsubame.local-domain", () -> "localhost:" + PORT);
        registry.add("tsubame.federation.allowed-private-addresses", () -> "127.0.0.0/8");
    }

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @BeforeAll
    static void startRemote() {
        remote = TestServer.start("127.0.0.9");
        LocalUsers.ensure(remote.bean(CreateLocalAccount.class), remote.bean(Accounts.class), "rosalind");
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @Test
    void aHandleTypedIntoSearchOpensTheRemoteProfileAndTheFollowGoesThrough() {
        LocalUsers.ensure(createLocalAccount, accounts, "ravi");
        String handle = "rosalind@" + remote.domain();
        try (Browsers.Browser browser = Browsers.start(1280, 900)) {
            WebClientPage ravi = new WebClientPage(browser.driver(), "http://localhost:" + PORT);
            ravi.signIn("ravi", LocalUsers.PASSWORD);

            ravi.until(By.id("search")).sendKeys("@" + handle, Keys.ENTER);
            ravi.until(By.xpath("//main//div[contains(@class,'account-row')]//a[contains(., '@" + handle + "')]"))
                    .click();
            ravi.waitUntil(driver -> driver.getCurrentUrl().endsWith("/web/@" + handle));
            WebElement follow = ravi.until(By.cssSelector(".profile button.follow"));
            assertThat(follow.getText()).isEqualTo("Follow");
            follow.click();

            ravi.waitUntil(driver -> driver.findElement(By.cssSelector(".profile button.follow")).getText()
                    .matches("Unfollow|Requested · cancel"));
            // the other server accepts on its own time; the profile shows it when drawn again
            ravi.waitUntil(driver -> {
                driver.navigate().refresh();
                return ravi.until(By.cssSelector(".profile button.follow")).getText().equals("Unfollow");
            });
        }
    }
}
