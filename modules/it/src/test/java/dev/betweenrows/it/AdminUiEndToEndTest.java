package dev.betweenrows.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin UI of the linked image in headless Debian Chromium, with a real upstream: preview a query
 * as a user and see the row filter in the rewritten SQL, run the same query through psql, and find it
 * on the query-audit page with original and rewritten SQL side by side.
 */
class AdminUiEndToEndTest extends ShopDeployment {
    private static final Path SHOTS = Path.of("target", "ui-screenshots");
    private ChromeDriver driver;

    private ChromeDriver browser() throws Exception {
        if (driver == null) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium")),
                    "Debian chromium and chromium-driver are required (.ci/run installs them)");
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
            ChromeOptions o = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1280,800",
                    "--user-data-dir=" + Files.createTempDirectory("br-chrome"));
            driver = new ChromeDriver(o);
        }
        return driver;
    }

    private WebElement el(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)   // pages re-render lists
                .until(d -> {
                    var found = d.findElements(By.cssSelector(css));
                    return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
                });
    }

    /** Clicks the element, retrying when a re-render replaced it between finding and clicking. */
    private void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    el(css).click();
                    return true;
                });
    }

    private String textOf(String css, String wanted) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                var found = d.findElements(By.cssSelector(css));
                String t = found.isEmpty() ? "" : found.getFirst().getText();
                return t.contains(wanted) ? t : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no '" + wanted + "' in " + css + "; the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @AfterAll
    void closeBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    @Order(1)
    void previewThenRunThroughPsqlThenFindItInTheAuditPage() throws Exception {
        ChromeDriver b = browser();
        String marker = "ui_e2e_" + System.nanoTime();
        String sql = "SELECT count(*) AS " + marker + " FROM orders";
        b.get("http://127.0.0.1:" + api.port() + "/#/login");
        el("#login-username").sendKeys("admin");
        el("#login-password").sendKeys(ADMIN_PW);
        el("#login-submit").click();
        el("main .view[data-page='dashboard'] h1");

        b.get("http://127.0.0.1:" + api.port() + "/#/preview");
        new Select(el("#pv-user")).selectByVisibleText("alice");
        new Select(el("#pv-datasource")).selectByVisibleText("shop");
        el("#pv-sql").clear();   // the box starts with "SELECT * FROM "
        el("#pv-sql").sendKeys(sql);
        el("#pv-run").click();
        assertTrue(textOf("#pv-rewritten", "tenant = 'acme'").contains("orders"), "the preview shows the row filter");
        shot("e2e-preview");

        assertEquals("3", alice(sql).out(), "the same query through psql");

        b.get("http://127.0.0.1:" + api.port() + "/#/audit/queries");
        el("#qa-search").sendKeys(marker);
        click("#qa-apply");
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#qa-list button[data-audit-id]")).size() == 1);
        click("#qa-list button[data-audit-id]");
        assertTrue(textOf("#qa-original", marker).contains(sql), "original SQL");
        assertTrue(textOf("#qa-rewritten", "tenant = 'acme'").contains(marker), "rewritten SQL beside it");
        textOf("#qa-policies", "tenant isolation");
        shot("e2e-query-audit");
    }
}
