package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.server.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * flaskr in a real browser: headless chromium, driven by Selenium, against the App served on a
 * free port. A user registers, logs in, writes, edits and deletes a post, and logs out; the index
 * with the post is saved as {@code target/flaskr-index.png}.
 */
class FlaskrBrowserTest {

    private FlaskrExtension.Fixture fixture;
    private GatewayServer server;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        fixture = FlaskrExtension.create();
        server = fixture.app().start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.stop(Duration.ofMillis(200));
            }
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Test
    void aUserRegistersLogsInWritesEditsAndDeletesAPostAndLogsOut() throws Exception {
        browser.get(url("/"));
        assertEquals("Posts - Flaskr", browser.getTitle());
        click(By.linkText("Register"), "/auth/register");

        fill("username", "ada");
        fill("password", "lovelace");
        click(By.cssSelector("input[type=submit]"), "/auth/login");
        assertEquals("Log In - Flaskr", browser.getTitle());

        fill("username", "ada");
        fill("password", "lovelace");
        click(By.cssSelector("input[type=submit]"), "/");
        assertEquals(List.of("ada", "Log Out"), texts(By.cssSelector("nav ul li")));

        click(By.linkText("New"), "/create");
        fill("title", "Notes on the Engine");
        fill("body", "It weaves algebraic patterns\njust as the loom weaves flowers.");
        click(By.cssSelector("input[type=submit]"), "/");
        WebElement post = browser.findElement(By.cssSelector("article.post"));
        assertEquals("Notes on the Engine", post.findElement(By.tagName("h1")).getText());
        assertEquals("by ada on " + LocalDate.now(ZoneOffset.UTC), post.findElement(By.className("about")).getText());
        Files.write(Path.of("target", "flaskr-index.png"), browser.getScreenshotAs(OutputType.BYTES));

        click(By.linkText("Edit"), "/2/update");
        assertEquals("Edit \"Notes on the Engine\" - Flaskr", browser.getTitle());
        fill("title", "Notes on the Analytical Engine");
        click(By.cssSelector("input[type=submit][value=Save]"), "/");
        assertEquals("Notes on the Analytical Engine",
                browser.findElement(By.cssSelector("article.post h1")).getText());

        click(By.linkText("Edit"), "/2/update");
        WebElement editPage = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("input.danger[value=Delete]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();      // "Are you sure?"
        wait.until(ExpectedConditions.stalenessOf(editPage));
        wait.until(ExpectedConditions.urlToBe(url("/")));
        assertEquals(List.of("test title"), texts(By.cssSelector("article.post h1")));

        click(By.linkText("Log Out"), "/");
        assertEquals(List.of("Register", "Log In"), texts(By.cssSelector("nav ul li")));
        assertTrue(browser.getPageSource().contains("test title"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private void fill(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks and waits until the browser left the page and shows the one at the path. */
    private void click(By element, String path) {
        WebElement page = browser.findElement(By.tagName("html"));
        try {
            browser.findElement(element).click();
        } catch (WebDriverException e) {
            // chromedriver reports this when the click's navigation already replaced the page it
            // clicked in (a fast server): the click took effect, which the waits below check.
            if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                throw e;
            }
        }
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(ExpectedConditions.urlToBe(url(path)));
        wait.until(driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
    }

    private List<String> texts(By elements) {
        return browser.findElements(elements).stream().map(WebElement::getText).toList();
    }
}
