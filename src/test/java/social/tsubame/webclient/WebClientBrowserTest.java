package social.tsubame.webclient;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.Browsers;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TestServer;
import social.tsubame.testing.TsubameTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The web client in a real headless Chromium, against a whole server: what a person does in a browser. */
@TsubameTest
@TestPropertySource(properties = "tsubame.registrations.mode=open")
class WebClientBrowserTest {

    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;

    /** The server runs on the port its domain names, so the avatars and links it hands out load in the browser. */
    private static final int PORT = TestServer.freePort();

    @DynamicPropertySource
    static void portOfTheConfiguredDomain(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("tsubame.local-domain", () -> "localhost:" + PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    private final List<Browsers.Browser> browsers = new ArrayList<>();

    @BeforeEach
    void users() {
        LocalUsers.ensure(createLocalAccount, accounts, "wanda", "wesley", "winona");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browsers.Browser::close);
    }

    private WebClientPage browser(int width, int height) {
        Browsers.Browser browser = Browsers.start(width, height);
        browsers.add(browser);
        return new WebClientPage(browser.driver(), "http://localhost:" + port);
    }

    private WebClientPage signedIn(String name) {
        WebClientPage page = browser(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        page.signIn(name, LocalUsers.PASSWORD);
        return page;
    }

    @Test
    void someoneSignsUpFromTheWelcomeScreenAndLandsInTheirHomeTimeline() {
        WebClientPage page = browser(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        page.open("/");
        page.until(By.id("sign-up")).click();
        page.until(By.id("username")).sendKeys("webcomer");
        page.driver().findElement(By.id("email")).sendKeys("webcomer@example.com");
        page.driver().findElement(By.id("password")).sendKeys("a long enough password");
        page.driver().findElement(By.id("passwordConfirmation")).sendKeys("a long enough password");
        page.driver().findElement(By.name("agreement")).click();
        page.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        page.waitForApp();
        assertThat(page.until(By.cssSelector(".sidebar .me .acct")).getText()).isEqualTo("@webcomer");
        assertThat(page.until(By.id("view-title")).getText()).isEqualTo("Home");
    }

    @Test
    void aPostShowsInHomeAndLocalAndReachesAFollowerLiveWithoutReload() throws IOException {
        WebClientPage wesley = signedIn("wesley");
        wesley.open("/web/@wanda");
        WebElement follow = wesley.until(By.cssSelector(".profile button.follow"));
        follow.click();
        wesley.waitUntil(driver -> follow.getText().equals("Unfollow"));
        wesley.go("Home");
        wesley.waitForStreaming();

        WebClientPage wanda = signedIn("wanda");
        wanda.post("Hello from the browser! Trying out #tsubame today, come and say hi.");

        wanda.statusContaining("Hello from the browser");
        wesley.statusContaining("Hello from the browser");
        wanda.go("Local");
        wanda.statusContaining("Hello from the browser").findElement(By.cssSelector("a.hashtag")).click();
        wanda.waitUntil(driver -> driver.findElement(By.id("view-title")).getText().equals("#tsubame"));
        wanda.statusContaining("Hello from the browser");

        wanda.postWithWarning("Lunch photo talk", "Ramen again. No regrets.");
        wesley.statusWithWarning("Lunch photo talk");
        wesley.statusContaining("Hello from the browser").findElement(By.cssSelector("button[title=Favourite]")).click();
        wesley.waitUntil(driver -> "1".equals(wesley.statusContaining("Hello from the browser")
                .findElement(By.cssSelector("button[title=Favourite] .count")).getText()));
        screenshot(wesley, "home-timeline.png");
    }

    @Test
    void aReplyAndAFavouriteShowOnThePostAndInItsThread() {
        WebClientPage wanda = signedIn("wanda");
        wanda.post("Who likes tea?");
        WebClientPage winona = signedIn("winona");
        winona.go("Local");
        WebElement post = winona.statusContaining("Who likes tea?");

        WebElement favourite = post.findElement(By.cssSelector("button[title=Favourite]"));
        favourite.click();
        winona.waitUntil(driver -> "true".equals(post.findElement(By.cssSelector("button[title=Favourite]"))
                .getAttribute("aria-pressed")));
        assertThat(post.findElement(By.cssSelector("button[title=Favourite] .count")).getText()).isEqualTo("1");

        post.findElement(By.cssSelector("button[title=Reply]")).click();
        winona.waitUntil(driver -> winona.until(By.id("compose-text")).getDomProperty("value").startsWith("@wanda "));
        winona.post("Me, with milk");

        post.findElement(By.cssSelector("a.permalink")).click();
        winona.until(By.cssSelector("article.status.focused"));
        WebElement reply = winona.statusContaining("Me, with milk");
        assertThat(winona.statusContaining("Who likes tea?").findElement(By.cssSelector("button[title=Reply] .count"))
                .getText()).isEqualTo("1");

        reply.findElement(By.cssSelector(".content a.mention")).click();
        winona.waitUntil(driver -> driver.getCurrentUrl().endsWith("/web/@wanda"));
        assertThat(winona.until(By.cssSelector(".profile .acct")).getText()).isEqualTo("@wanda");
    }

    @Test
    void aContentWarningHidesTheTextUntilClicked() {
        WebClientPage wanda = signedIn("wanda");
        wanda.postWithWarning("Film spoilers", "The butler did it");
        WebElement post = wanda.statusWithWarning("Film spoilers");
        WebElement content = post.findElement(By.cssSelector(".content"));
        assertThat(content.isDisplayed()).isFalse();

        post.findElement(By.cssSelector("button.cw-toggle")).click();
        wanda.waitUntil(driver -> content.isDisplayed());
        assertThat(content.getText()).contains("The butler did it");
    }

    @Test
    void olderPostsLoadOnScrollAndNewOnesWaitBehindABarWhileScrolledDown() {
        ApiClient api = new ApiClient(port);
        String wesley = api.userToken("wesley", LocalUsers.PASSWORD, "read write");
        for (int i = 1; i <= 25; i++) {
            api.postForm("/api/v1/statuses", wesley, Map.of("status", "Counting sheep, number %02d".formatted(i)));
        }
        WebClientPage winona = signedIn("winona");
        winona.open("/web/@wesley");
        winona.statusContaining("number 25");

        winona.script("window.scrollTo(0, document.body.scrollHeight)");
        winona.statusContaining("number 01");
        winona.waitForStreaming();
        winona.open("/web/local");
        winona.statusContaining("number 25");
        winona.waitForStreaming();
        winona.script("window.scrollTo(0, document.body.scrollHeight)");
        winona.waitUntil(driver -> (Long) winona.script("return window.scrollY") > 200);
        api.postForm("/api/v1/statuses", wesley, Map.of("status", "The shepherd is awake"));

        WebElement bar = winona.until(By.cssSelector("button.new-items"));
        assertThat(bar.getText()).isEqualTo("1 new post");
        bar.click();
        winona.waitUntil(driver -> driver.findElement(By.cssSelector("main article.status .content")).getText()
                .contains("The shepherd is awake"));
    }

    @Test
    void theComposerCountsLinksAsTheServerDoesAndKeepsAPostThatFailed() {
        WebClientPage wanda = signedIn("wanda");
        WebElement box = wanda.until(By.id("compose-text"));
        box.sendKeys("See https://example.org/a/rather/long/address/that/counts/as/twenty-three");
        assertThat(wanda.until(By.id("compose-count")).getText()).isEqualTo(String.valueOf(500 - 4 - 23));

        wanda.script("localStorage.setItem('tsubame.token', 'not-a-token-any-more')");
        wanda.driver().findElement(By.id("compose-submit")).click();

        WebElement error = wanda.until(By.cssSelector(".composer .error"));
        assertThat(error.getText()).startsWith("Not sent:");
        assertThat(box.getDomProperty("value")).startsWith("See https://example.org/");
    }

    @Test
    void aPostMatchingTheReadersWarningFilterWaitsBehindTheFiltersTitle() {
        ApiClient api = new ApiClient(port);
        String winona = api.userToken("winona", LocalUsers.PASSWORD, "read write");
        api.postJson("/api/v2/filters", winona, Map.of("title", "Tea talk", "context", List.of("public"),
                "filter_action", "warn", "keywords_attributes", List.of(Map.of("keyword", "oolong"))));
        api.postForm("/api/v1/statuses", api.userToken("wanda", LocalUsers.PASSWORD, "read write"),
                Map.of("status", "Oolong is the best tea"));

        WebClientPage page = signedIn("winona");
        page.go("Local");
        WebElement post = page.statusWithWarning("Filtered: Tea talk");
        assertThat(post.findElement(By.cssSelector(".content")).isDisplayed()).isFalse();
        post.findElement(By.cssSelector("button.cw-toggle")).click();
        page.waitUntil(driver -> post.findElement(By.cssSelector(".content")).getText()
                .contains("Oolong is the best tea"));
    }

    @Test
    void ownPostsCanBeEditedAndDeleted() {
        WebClientPage wanda = signedIn("wanda");
        wanda.post("A typo in thsi post");
        WebElement post = wanda.statusContaining("A typo in thsi post");

        post.findElement(By.cssSelector("button[title=Edit]")).click();
        WebElement box = wanda.until(By.id("compose-text"));
        wanda.waitUntil(driver -> box.getDomProperty("value").equals("A typo in thsi post"));
        box.clear();
        wanda.post("No typo in this post");
        wanda.statusContaining("No typo in this post");

        wanda.statusContaining("No typo in this post").findElement(By.cssSelector("button[title=Delete]")).click();
        wanda.driver().switchTo().alert().accept();
        wanda.waitUntil(driver -> wanda.all(By.xpath("//main//article[contains(., 'No typo in this post')]")).isEmpty());
    }

    @Test
    void anImageGoesOutWithItsDescriptionAndStaysBlurredBehindAWarningUntilShown() throws IOException {
        Path image = Files.createTempFile("gradient", ".png");
        BufferedImage pixels = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = pixels.createGraphics();
        paint.setPaint(new GradientPaint(0, 0, Color.BLUE, 320, 200, Color.ORANGE));
        paint.fillRect(0, 0, 320, 200);
        paint.dispose();
        ImageIO.write(pixels, "png", image.toFile());
        WebClientPage wanda = signedIn("wanda");

        wanda.driver().findElement(By.id("compose-files")).sendKeys(image.toString());
        wanda.until(By.cssSelector(".attachment textarea")).sendKeys("A gradient from blue to orange");
        wanda.postWithWarning("Bright colours", "My new wallpaper");

        WebElement post = wanda.statusWithWarning("Bright colours");
        post.findElement(By.cssSelector("button.cw-toggle")).click();
        WebElement picture = wanda.until(By.cssSelector("article.status .sensitive img"));
        assertThat(picture.getDomAttribute("alt")).isEqualTo("A gradient from blue to orange");
        assertThat(post.findElement(By.cssSelector(".sensitive")).getDomAttribute("class")).doesNotContain("revealed");
        post.findElement(By.cssSelector("button.reveal")).click();
        wanda.waitUntil(driver -> post.findElement(By.cssSelector(".sensitive")).getDomAttribute("class")
                .contains("revealed"));
        Files.delete(image);
    }

    @Test
    void onAPhoneTheWholeClientFitsTheScreen() {
        WebClientPage phone = browser(390, 844);
        phone.signIn("winona", LocalUsers.PASSWORD);
        phone.post("Posted from a phone");
        phone.statusContaining("Posted from a phone");

        WebElement nav = phone.until(By.cssSelector("nav.nav"));
        assertThat((long) nav.getRect().getY() + nav.getRect().getHeight())
                .as("the navigation sits at the bottom of the screen")
                .isCloseTo((Long) phone.script("return window.innerHeight"), within(1L));
        assertThat((Long) phone.script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
        phone.go("Notifications");
    }

    @Test
    void signingOutRevokesTheTokenTheBrowserHeldAndSigningInAgainLeadsBackIntoTheClient() {
        WebClientPage page = signedIn("wesley");
        String token = (String) page.script("return localStorage.getItem('tsubame.token')");
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(200);

        page.go("Settings");
        page.until(By.xpath("//button[normalize-space()='Sign out']")).click();
        page.until(By.cssSelector("p.notice"));

        assertThat(api.get("/api/v1/accounts/verify_credentials", token).status()).isEqualTo(401);
        assertThat(page.script("return localStorage.getItem('tsubame.token')")).isNull();

        page.until(By.id("username")).sendKeys("wesley");
        page.driver().findElement(By.id("password")).sendKeys(LocalUsers.PASSWORD);
        page.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        page.waitForApp();
        assertThat(page.script("return localStorage.getItem('tsubame.token')")).isNotNull().isNotEqualTo(token);
    }

    @Test
    void aBlockListImportsFromTheSettingsWithItsProgressShown() throws IOException {
        // someone no other test reads, so that the block hides nothing they expect
        LocalUsers.ensure(createLocalAccount, accounts, "wilbur");
        WebClientPage page = signedIn("winona");
        Path file = Files.createTempFile("blocked_accounts", ".csv");
        Files.writeString(file, "wilbur@localhost:" + port + "\n");

        page.go("Settings");
        new Select(page.until(By.id("import-type"))).selectByValue("blocking");
        page.driver().findElement(By.id("import-data")).sendKeys(file.toString());
        page.driver().findElement(By.xpath("//button[normalize-space()='Import']")).click();
        page.until(By.xpath("//p[starts-with(normalize-space(), 'Imported 1 of 1')]"));

        String token = (String) page.script("return localStorage.getItem('tsubame.token')");
        assertThat(new ApiClient(port).get("/api/v1/blocks", token).json().get(0).get("username").asString())
                .isEqualTo("wilbur");
        Files.delete(file);
    }

    private static void screenshot(WebClientPage page, String name) throws IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        byte[] png = ((TakesScreenshot) page.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve(name), png);
    }
}
