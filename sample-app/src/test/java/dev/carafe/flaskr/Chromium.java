package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless chromium through its chromedriver for the browser tests. Without them
 * the tests are skipped on a developer's machine, and fail under CI (the environment variable
 * {@code CI} set, as {@code .ci/run} does), which installs both.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /**
     * Starts a headless browser with an empty profile; quit it after the test.
     *
     * @return the driver
     */
    static ChromeDriver start() {
        Optional<Path> browser = firstExisting(BROWSERS);
        Optional<Path> driver = firstExisting(DRIVERS);
        boolean installed = browser.isPresent() && driver.isPresent();
        String missing = "chromium or chromedriver is not installed (looked for " + BROWSERS + " and " + DRIVERS
                + "); install them with: apt-get install -y chromium chromium-driver";
        if (!installed && System.getenv("CI") != null) {
            fail(missing + ". CI must run the browser test: .ci/run installs them.");
        }
        Assumptions.assumeTrue(installed, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        // --no-sandbox: CI runs as root, where chromium refuses its sandbox; /dev/shm is small in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1024,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> firstExisting(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
