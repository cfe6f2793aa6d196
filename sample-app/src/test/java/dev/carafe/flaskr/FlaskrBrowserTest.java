package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.server.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** flaskr in a real browser: headless chromium driven by Selenium against the App on a real socket. */
class FlaskrBrowserTest {

    private FlaskrExtension.Fixture fixture;
    private GatewayServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = Chromium.start();
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
    void helloShowsInTheBrowser() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/hello");
        assertEquals("Hello, World!", browser.findElement(By.tagName("body")).getText());
        Path screenshot = Path.of("target", "flaskr-hello.png");
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
