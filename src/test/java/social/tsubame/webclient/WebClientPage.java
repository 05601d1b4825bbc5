package social.tsubame.webclient;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the web client, in one browser: the steps the browser tests are made of. */
final class WebClientPage {

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;

    WebClientPage(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        // a post is drawn anew from each answer, so an element found a moment ago may have just been replaced
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** From the welcome screen through the server's sign-in page, back into the app. */
    void signIn(String login, String password) {
        open("/");
        until(By.id("sign-in")).click();
        until(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitForApp();
    }

    void waitForApp() {
        until(By.id("compose-text"));
    }

    /** Waits until the streaming socket is open, so that what is posted next arrives live. */
    void waitForStreaming() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-stream", "open"));
    }

    void go(String linkText) {
        until(By.xpath("//nav//a[.//span[normalize-space()='" + linkText + "']]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("view-title"), linkText));
    }

    void post(String text) {
        WebElement box = until(By.id("compose-text"));
        box.sendKeys(text);
        driver.findElement(By.id("compose-submit")).click();
        wait.until(driver -> {
            WebElement error = driver.findElement(By.cssSelector(".composer .error"));
            if (error.isDisplayed()) {
                throw new AssertionError("the composer says: " + error.getText());
            }
            return box.getDomProperty("value").isEmpty();
        });
    }

    void postWithWarning(String warning, String text) {
        until(By.id("compose-cw-toggle")).click();
        until(By.id("compose-spoiler")).sendKeys(warning);
        post(text);
    }

    /** The first post in the main column whose text contains {@code text}, once it is there. */
    WebElement statusContaining(String text) {
        return until(By.xpath("//main//article[contains(@class,'status')][.//div[contains(@class,'content')]"
                + "[contains(., " + xpathLiteral(text) + ")]]"));
    }

    WebElement statusWithWarning(String warning) {
        return until(By.xpath("//main//article[contains(@class,'status')][.//p[contains(@class,'spoiler')]"
                + "[contains(., " + xpathLiteral(warning) + ")]]"));
    }

    WebElement until(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks after dismissing the messages at the bottom of the window, which may cover what is clicked. */
    void press(By locator) {
        press(until(locator));
    }

    void press(WebElement element) {
        script("document.querySelectorAll('.toast button').forEach(dismiss => dismiss.click());"
                + "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
