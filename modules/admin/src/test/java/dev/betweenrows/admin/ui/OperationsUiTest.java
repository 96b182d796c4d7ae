package dev.betweenrows.admin.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Operations page in headless Chromium: online backup, YAML export, dry-run import and a refused document. */
class OperationsUiTest {
    private static UiServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        server = new UiServer();
        browser = Browser.open(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void backupExportAndDryRunImport() {
        browser.go("#/login");
        browser.type("#login-username", UiServer.ADMIN);
        browser.type("#login-password", UiServer.PASSWORD);
        browser.click("#login-submit");
        browser.onPage("dashboard");
        browser.go("#/operations");
        browser.onPage("operations");

        browser.click("#backup-now");
        String written = browser.textOf("#backup-result", "Backup written to ").replace("Backup written to ", "").strip();
        assertTrue(Files.isDirectory(Path.of(written)), "the backup exists on the server: " + written);

        browser.click("#export-now");
        browser.textOf("#export-yaml", "betweenrows_policies: 1");
        browser.click("#import-now");   // the export was copied into the import box; dry run is on
        browser.textOf("#import-result", "Plan only (dry run): nothing was changed. Nothing to change.");

        browser.driver.findElement(By.cssSelector("#import-yaml")).clear();
        browser.type("#import-yaml", "betweenrows_policies: 1\nroles:\n  - name: [unclosed\n");
        browser.click("#import-now");
        String problems = browser.textOf("#import-result", "problem");
        assertTrue(problems.contains("Line"), problems);
        browser.screenshot("13-operations");
    }
}
