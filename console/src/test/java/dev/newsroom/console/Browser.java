package dev.newsroom.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver. Both must be installed
 * ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} does it): a machine without them fails
 * these tests with that message rather than skipping them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("newsroom.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("newsroom.chromedriver", "/usr/bin/chromedriver"));
    /** Where page screenshots go; the README's come from a run with {@code -Dnewsroom.console.screenshots=../docs/console}. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("newsroom.console.screenshots", "target/screenshots"));

    private Browser() {
    }

    static ChromeDriver start() {
        for (Path needed : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the console's browser tests need Debian's"
                        + " chromium and chromedriver (apt-get install -y chromium chromium-driver; .ci/run installs"
                        + " them)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root, where Chromium refuses its sandbox; the pages are our own, on loopback.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
