package social.tsubame.webclient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueName;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.Browsers;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderation screens of the web client in a real headless Chromium: moderators work through reports and
 * accounts, admins also through other servers, relays, queues and traffic, and everyone else never sees them. What
 * the screens show is checked against what the server then answers.
 */
@TsubameTest
class ModerationScreensBrowserTest {

    private static final String ADMIN_SCOPES = "read write admin:read admin:write";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobStreams streams;

    private final List<Browsers.Browser> browsers = new ArrayList<>();
    private ApiClient api;

    @BeforeEach
    void users() {
        api = new ApiClient(port);
        LocalUsers.ensure(createLocalAccount, accounts, "mona_mod", Role.MODERATOR);
        LocalUsers.ensure(createLocalAccount, accounts, "ada_admin", Role.ADMIN);
        LocalUsers.ensure(createLocalAccount, accounts, "rita_reporter", "troy_target", "ulla_user");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browsers.Browser::close);
    }

    private WebClientPage signedIn(String name) {
        Browsers.Browser browser = Browsers.start(1280, 900);
        browsers.add(browser);
        WebClientPage page = new WebClientPage(browser.driver(), "http://localhost:" + port);
        page.signIn(name, LocalUsers.PASSWORD);
        return page;
    }

    private List<String> navLabels(WebClientPage page) {
        return page.all(By.cssSelector("nav.nav .nav-label")).stream().map(WebElement::getText).toList();
    }

    private void openModeration(WebClientPage page, String title) {
        page.until(By.xpath("//nav//a[.//span[normalize-space()='Moderation']]")).click();
        page.waitUntil(driver -> driver.findElement(By.id("view-title")).getText().equals(title));
    }

    private String text(WebClientPage page, String id) {
        return page.until(By.id(id)).getText();
    }

    /** Rita reports a post of Troy's; the report's id. */
    private String reportAboutTroy(String post, String comment) {
        String rita = api.userToken("rita_reporter", LocalUsers.PASSWORD, "read write");
        String troy = api.userToken("troy_target", LocalUsers.PASSWORD, "read write");
        String status = api.postJson("/api/v1/statuses", troy, Map.of("status", post)).json().path("id").asString();
        return api.postJson("/api/v1/reports", rita, Map.of("account_id", String.valueOf(troy().id()), "status_ids",
                List.of(status), "comment", comment, "category", "spam")).json().path("id").asString();
    }

    private Account troy() {
        return accounts.findLocal("troy_target").orElseThrow();
    }

    @Test
    void aModeratorTakesOnAReportNotesItAndSettlesItByLimitingTheAccount() {
        String reportId = reportAboutTroy("Buy followers cheap!", "Selling followers in every reply");
        Account target = troy();

        WebClientPage mona = signedIn("mona_mod");
        assertThat(navLabels(mona)).contains("Moderation");
        mona.go("Notifications");
        mona.press(By.xpath("//main//article[contains(@class,'notification')]//a[normalize-space()='Review']"
                + "[@href='/web/moderation/reports/" + reportId + "']"));
        mona.waitUntil(driver -> driver.findElement(By.id("view-title")).getText().equals("Report #" + reportId));
        assertThat(mona.all(By.cssSelector(".mod-tabs a")).stream().map(WebElement::getText))
                .containsExactly("Reports", "Accounts");
        assertThat(mona.until(By.cssSelector(".report-comment")).getText())
                .isEqualTo("Selling followers in every reply");
        mona.statusContaining("Buy followers cheap!");
        assertThat(text(mona, "report-target")).isEqualTo("@troy_target");

        mona.press(By.id("report-assign_to_self"));
        mona.waitUntil(driver -> text(mona, "report-assignee").equals("@mona_mod"));
        mona.until(By.id("note-text")).sendKeys("Same text on three accounts.");
        mona.press(By.id("note-submit"));
        mona.until(By.xpath("//ul[contains(@class,'report-notes')]//p[normalize-space()='Same text on three "
                + "accounts.']"));
        new Select(mona.until(By.id("action-type"))).selectByValue("silence");
        mona.until(By.id("action-text")).sendKeys("Your replies were spam.");
        mona.press(By.id("action-submit"));
        mona.waitUntil(driver -> text(mona, "report-state").startsWith("Resolved by @mona_mod"));
        assertThat(mona.all(By.id("action-form"))).isEmpty();

        String moderator = api.userToken("mona_mod", LocalUsers.PASSWORD, ADMIN_SCOPES);
        JsonNode report = api.get("/api/v1/admin/reports/" + reportId, moderator).json();
        assertThat(report.path("action_taken").asBoolean()).isTrue();
        assertThat(report.path("assigned_account").path("username").asString()).isEqualTo("mona_mod");
        assertThat(api.get("/api/v1/admin/accounts/" + target.id(), moderator).json().path("silenced").asBoolean())
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT content FROM report_notes WHERE report_id = ?", String.class,
                Long.parseLong(reportId))).isEqualTo("Same text on three accounts.");
        assertThat(jdbc.queryForObject("SELECT text FROM account_warnings WHERE target_account_id = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, target.id())).isEqualTo("Your replies were spam.");

        mona.press(By.xpath("//main//a[normalize-space()='Accounts']"));
        new Select(mona.until(By.id("filter-status"))).selectByValue("silenced");
        mona.press(By.id("filter-submit"));
        mona.waitUntil(driver -> driver.getCurrentUrl().endsWith("/web/moderation/accounts?status=silenced"));
        mona.press(By.xpath("//main//a[contains(@class,'account-link')][normalize-space()='@troy_target']"));
        mona.waitUntil(driver -> text(mona, "account-acct").equals("@troy_target"));
        mona.press(By.id("account-unsilence"));
        mona.waitUntil(driver -> driver.findElements(By.id("account-unsilence")).isEmpty());
        assertThat(api.get("/api/v1/admin/accounts/" + target.id(), moderator).json().path("silenced").asBoolean())
                .isFalse();
    }

    @Test
    void aSignInFromBeforeTheAdminScopesIsRenewedWithOneClick() {
        String reportId = reportAboutTroy("Cheap watches here", "Watch spam");
        WebClientPage mona = signedIn("mona_mod");
        String olderToken = api.userToken("mona_mod", LocalUsers.PASSWORD, "read write follow push");
        mona.script("localStorage.setItem('tsubame.token', arguments[0])", olderToken);

        openModeration(mona, "Reports");
        mona.press(By.xpath("//main//button[normalize-space()='Sign in again']"));

        mona.waitUntil(driver -> driver.getCurrentUrl().endsWith("/web/moderation/reports"));
        assertThat(mona.script("return localStorage.getItem('tsubame.token')")).isNotEqualTo(olderToken);
        mona.press(By.xpath("//main//article[@data-id='" + reportId + "']//a[contains(@class,'report-link')]"));
        mona.waitUntil(driver -> driver.findElement(By.id("view-title")).getText().equals("Report #" + reportId));
        assertThat(mona.until(By.cssSelector(".report-comment")).getText()).isEqualTo("Watch spam");
    }

    @Test
    void anAdminBlocksAServerFromTheFederationScreenAndChangesTheBlock() {
        WebClientPage ada = signedIn("ada_admin");
        openModeration(ada, "Reports");
        ada.until(By.xpath("//main//nav[contains(@class,'mod-tabs')]//a[normalize-space()='Federation']")).click();
        ada.waitUntil(driver -> driver.findElement(By.id("view-title")).getText().equals("Federation"));

        ada.until(By.id("block-domain")).sendKeys("spam.example");
        new Select(ada.until(By.id("block-severity"))).selectByValue("suspend");
        ada.press(By.id("block-reject-media"));
        ada.until(By.id("block-public-comment")).sendKeys("Spam and harassment");
        ada.press(By.id("block-submit"));
        By spamExample = By.xpath("//ul[@id='domain-blocks']/li[.//strong[normalize-space()='spam.example']]");
        WebElement row = ada.until(spamExample);
        assertThat(row.getText()).contains("Suspend", "no media", "Spam and harassment");

        String admin = api.userToken("ada_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);
        JsonNode block = blockOf(admin, "spam.example");
        assertThat(block.path("severity").asString()).isEqualTo("suspend");
        assertThat(block.path("reject_media").asBoolean()).isTrue();
        assertThat(block.path("public_comment").asString()).isEqualTo("Spam and harassment");

        ada.press(row.findElement(By.xpath(".//button[normalize-space()='Edit']")));
        assertThat(ada.until(By.id("block-domain")).getDomProperty("readOnly")).isEqualTo("true");
        new Select(ada.until(By.id("block-severity"))).selectByValue("silence");
        ada.press(By.id("block-submit"));
        ada.waitUntil(driver -> driver.findElement(spamExample).getText().contains("Limit"));
        assertThat(blockOf(admin, "spam.example").path("severity").asString()).isEqualTo("silence");

        ada.script("window.confirm = () => true");
        ada.press(ada.until(spamExample).findElement(By.xpath(".//button[normalize-space()='Remove']")));
        ada.waitUntil(driver -> driver.findElements(spamExample).isEmpty());
        assertThat(api.get("/api/v1/admin/domain_blocks", admin).json().valueStream()
                .map(item -> item.path("domain").asString())).doesNotContain("spam.example");
    }

    @Test
    void anAdminAddsARelayAndLeavesIt() {
        WebClientPage ada = signedIn("ada_admin");
        ada.open("/web/moderation/federation");
        ada.waitForApp();
        String admin = api.userToken("ada_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);

        ada.until(By.id("relay-inbox")).sendKeys("https://relay.example/inbox");
        ada.press(By.id("relay-inbox-submit"));
        By relay = By.xpath("//ul[@id='relays']/li[.//strong[normalize-space()='https://relay.example/inbox']]");
        assertThat(ada.until(relay).getText()).contains("pending");
        assertThat(api.get("/api/v1/admin/relays", admin).json().valueStream()
                .map(item -> item.path("inbox_url").asString())).contains("https://relay.example/inbox");

        ada.script("window.confirm = () => true");
        ada.press(ada.until(relay).findElement(By.xpath(".//button[normalize-space()='Remove']")));
        ada.waitUntil(driver -> driver.findElements(relay).isEmpty());
        assertThat(api.get("/api/v1/admin/relays", admin).json().valueStream()
                .map(item -> item.path("inbox_url").asString())).doesNotContain("https://relay.example/inbox");
    }

    @Test
    void anAdminPausesAndResumesAQueueFromTheQueuesScreen() {
        WebClientPage ada = signedIn("ada_admin");
        ada.open("/web/moderation/queues");
        ada.waitForApp();
        ada.script("window.confirm = () => true");
        By pull = By.xpath("//table[@id='queues']//tr[@data-queue='pull']");
        ada.press(ada.until(pull).findElement(By.xpath(".//button[normalize-space()='Pause']")));
        ada.waitUntil(driver -> driver.findElement(pull).getText().contains("paused"));
        String admin = api.userToken("ada_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);
        assertThat(api.get("/api/v1/admin/queues/pull", admin).json().path("paused").asBoolean()).isTrue();

        ada.press(ada.until(pull).findElement(By.xpath(".//button[normalize-space()='Resume']")));
        ada.waitUntil(driver -> !driver.findElement(pull).getText().contains("paused"));
        assertThat(api.get("/api/v1/admin/queues/pull", admin).json().path("paused").asBoolean()).isFalse();
    }

    @Test
    void anAdminReplaysAJobThatGaveUp() {
        // A job nobody knows how to run goes straight to the dead letters.
        streams.add(QueueName.PULL, "test.screens.unknown", "{}", Instant.now());
        WebClientPage ada = signedIn("ada_admin");
        ada.open("/web/moderation/queues");
        ada.waitForApp();

        ada.press(By.cssSelector("tr[data-queue='pull'] button[aria-label='Dead letters of pull']"));
        By letter = By.xpath("//div[@id='dead-letters']//li[.//strong[normalize-space()='test.screens.unknown']]");
        String id = ada.until(letter).getDomAttribute("data-id");
        ada.press(ada.until(letter).findElement(By.xpath(".//button[normalize-space()='Replay']")));
        ada.waitUntil(driver -> driver.findElements(By.cssSelector("#dead-letters li[data-id='" + id + "']"))
                .isEmpty());

        String admin = api.userToken("ada_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);
        assertThat(api.get("/api/v1/admin/queues/pull/dead_letters/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void anAdminThrottlesAServerAndLiftsItAgain() {
        WebClientPage ada = signedIn("ada_admin");
        ada.open("/web/moderation/queues");
        ada.waitForApp();
        String admin = api.userToken("ada_admin", LocalUsers.PASSWORD, ADMIN_SCOPES);

        ada.until(By.id("traffic-domain")).sendKeys("busy.example");
        ada.press(By.id("traffic-throttled"));
        ada.until(By.id("traffic-rate")).sendKeys("30");
        ada.press(By.id("traffic-submit"));
        By busy = By.cssSelector("#domain-traffic li[data-domain='busy.example']");
        assertThat(ada.until(busy).getText()).contains("throttled", "30/min");
        JsonNode traffic = api.get("/api/v1/admin/domain_traffic/busy.example", admin).json();
        assertThat(traffic.path("inbound_throttled").asBoolean()).isTrue();
        assertThat(traffic.path("inbound_rate_limit").asInt()).isEqualTo(30);

        ada.press(ada.until(busy).findElement(By.xpath(".//button[normalize-space()='Unthrottle']")));
        ada.waitUntil(driver -> !driver.findElement(busy).getText().contains("throttled"));
        ada.press(ada.until(busy).findElement(By.xpath(".//button[normalize-space()='Lift limit']")));
        ada.waitUntil(driver -> driver.findElements(busy).isEmpty());
        traffic = api.get("/api/v1/admin/domain_traffic/busy.example", admin).json();
        assertThat(traffic.path("inbound_throttled").asBoolean()).isFalse();
        assertThat(traffic.path("inbound_rate_limit").isNull()).isTrue();
    }

    @Test
    void someoneWithoutARoleSeesNoModerationAndIsRefusedItsScreens() {
        WebClientPage ulla = signedIn("ulla_user");

        assertThat(navLabels(ulla)).contains("Settings").doesNotContain("Moderation");
        ulla.open("/web/moderation/reports/1");
        ulla.waitForApp();
        assertThat(ulla.until(By.cssSelector(".mod-panel .error")).getText()).isEqualTo("This action is not allowed");
    }

    private JsonNode blockOf(String token, String domain) {
        return api.get("/api/v1/admin/domain_blocks", token).json().valueStream()
                .filter(block -> block.path("domain").asString().equals(domain)).findFirst().orElseThrow();
    }
}
