package dev.betweenrows.admin.ui;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Debian's headless Chromium through Debian's chromedriver, at 1280×800, with waits and screenshots. */
final class Browser implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Skips the calling tests (loudly) when the machine has no chromedriver. */
    static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present) {
            System.err.println("\n*** UI TESTS SKIPPED: " + CHROMEDRIVER + " or " + CHROMIUM
                    + " is missing (apt-get install -y chromium chromium-driver) ***\n");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
    }

    static Browser open(String base) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("br-ui-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return new Browser(driver, profile, base);
    }

    void go(String hash) {
        driver.get(base + "/" + hash);
    }

    <T> T await(Function<ChromeDriver, T> condition) {
        // a page re-render replaces elements: a stale one is just another try
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply(driver));
    }

    WebElement el(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains the wanted text and returns that text. */
    String textOf(String css, String wanted) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            if (found.isEmpty()) return null;
            String text = found.get(0).getText();
            return text.contains(wanted) ? text : null;
        });
    }

    void type(String css, String text) {
        await(d -> {
            WebElement e = el(css);
            e.clear();
            e.sendKeys(text);
            return true;
        });
    }

    void click(String css) {
        await(d -> {
            el(css).click();
            return true;
        });
    }

    void choose(String css, String visibleText) {
        new Select(el(css)).selectByVisibleText(visibleText);
    }

    /** Waits for the shell to show the page (view[data-page]) and its heading. */
    void onPage(String page) {
        el("main .view[data-page='" + page + "'] h1");
        String text = driver.findElement(By.tagName("body")).getText();
        if (text.contains("[object ") || text.contains("undefined")) {
            throw new AssertionError("the page shows a script value instead of text: " + text);
        }
    }

    String hash() {
        return (String) driver.executeScript("return location.hash");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
