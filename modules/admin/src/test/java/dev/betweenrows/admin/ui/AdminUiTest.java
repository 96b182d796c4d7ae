package dev.betweenrows.admin.ui;

import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin UI end to end in headless Chromium against the real admin server, a real embedded store and
 * a real upstream PostgreSQL. The flows build on each other (the policy targets the discovered catalog).
 */
@WithPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiTest {
    private static UiServer server;
    private static Browser browser;
    private final PostgresServer pg;

    AdminUiTest(PostgresServer pg) {
        this.pg = pg;
    }

    /** A failing flow leaves a screenshot and the page's text behind, to see what the browser saw. */
    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) return;
            browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            System.err.println("UI at failure (" + browser.hash() + "):\n" + browser.driver.findElement(By.tagName("body")).getText());
        }
    };

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

    @BeforeEach
    void signedOut() {
        browser.go("");
        browser.driver.manage().deleteAllCookies();
    }

    private void signIn() {
        browser.go("#/login");
        browser.type("#login-username", UiServer.ADMIN);
        browser.type("#login-password", UiServer.PASSWORD);
        browser.click("#login-submit");
        browser.onPage("dashboard");
    }

    @Test
    @Order(1)
    void signInShowsErrorsThenTheDashboardAndSignsOut() {
        browser.go("");
        browser.onPage("login");
        assertEquals("#/login", browser.hash(), "an anonymous visit lands on sign-in");
        browser.type("#login-username", UiServer.ADMIN);
        browser.type("#login-password", "not-the-password");
        browser.click("#login-submit");
        browser.textOf("#login-error", "invalid username or password");
        browser.screenshot("01-sign-in-error");
        assertNull(browser.driver.executeScript("return document.cookie.includes('br_session') ? 'visible' : null"),
                "the session cookie is HttpOnly: scripts cannot read it");

        signIn();
        assertEquals(UiServer.VERSION, browser.el("#stat-version b").getText());
        assertEquals(UiServer.ADMIN, browser.el("#whoami").getText());
        assertEquals(0L, browser.driver.executeScript("return localStorage.length + sessionStorage.length"),
                "nothing is kept in web storage");
        browser.screenshot("02-dashboard");

        browser.click("#sign-out");
        browser.onPage("login");
        browser.textOf("#login-flash", "signed out");
        browser.go("#/users");
        browser.onPage("login");   // the token was revoked: the cookie no longer opens anything
    }

    @Test
    @Order(2)
    void createUserAndRoleAndAddTheMember() {
        signIn();
        browser.go("#/users");
        browser.onPage("users");
        browser.click("#new-user summary");
        browser.type("#new-user-username", "x");
        browser.type("#new-user-password", "short");
        browser.click("#new-user-submit");
        assertFalse(browser.el("#new-user-error").getText().isBlank(), "the API's refusal is shown next to the form");
        browser.type("#new-user-username", "alice");
        browser.type("#new-user-password", "alice-password-1");
        browser.type("#new-user-email", "alice@example.com");
        browser.click("#new-user-submit");
        browser.onPage("user");
        browser.textOf("main h1", "alice");
        assertTrue(server.store.users().findByUsername("alice").isPresent());
        browser.go("#/users");
        browser.textOf("#user-list", "alice@example.com");
        browser.screenshot("03-users");

        browser.go("#/roles");
        browser.onPage("roles");
        browser.click("#new-role summary");
        browser.type("#new-role-name", "analysts");
        browser.type("#new-role-description", "reads the shop");
        browser.click("#new-role-submit");
        browser.onPage("role");
        browser.type("#role-add-member", "nobody-here");
        browser.click("#role-add-member-submit");
        browser.textOf("#role-member-error", "No user named");
        browser.type("#role-add-member", "alice");
        browser.click("#role-add-member-submit");
        browser.textOf("#role-members", "alice");
        browser.textOf("#role-effective", "direct");
        String roleId = server.store.roles().findByName("analysts").orElseThrow().id();
        String aliceId = server.store.users().findByUsername("alice").orElseThrow().id();
        assertEquals(List.of(aliceId), server.store.roles().members(roleId).stream().map(m -> m.userId()).toList());
        browser.click("#role-delete");
        browser.textOf("#role-impact", "affects 1 user(s)");
        browser.screenshot("04-role");
    }

    @Test
    @Order(3)
    void dataSourceConnectionTestDiscoveryAndCatalog() {
        pg.createDatabase("ui_shop");
        pg.execute("ui_shop", "CREATE SCHEMA shop",
                "CREATE TABLE shop.customers (id int PRIMARY KEY, name text, email text)",
                "CREATE TABLE shop.orders (id int PRIMARY KEY, customer_id int, total numeric(10,2))");
        signIn();
        browser.go("#/datasources");
        browser.onPage("datasources");
        browser.click("#new-ds summary");
        browser.type("#ds-name", "shop");
        browser.type("#ds-host", pg.host());
        browser.type("#ds-port", Integer.toString(pg.port()));
        browser.type("#ds-database", "ui_shop");
        browser.type("#ds-username", pg.superuser());
        browser.type("#ds-password", pg.superuserPassword());
        browser.choose("#ds-sslmode", "prefer");
        browser.click("#new-ds-submit");
        browser.onPage("datasource");
        String dsId = server.store.dataSources().findByName("shop").orElseThrow().id();
        assertEquals("", browser.el("#ds-password").getAttribute("value"), "the password is never sent back");
        browser.textOf("main", "A password is set");
        assertFalse(browser.driver.getPageSource().contains(pg.superuserPassword()));
        browser.click("#ds-test");
        browser.textOf("#ds-test-result", "reachable");
        assertFalse(browser.el("#ds-test-result").getText().contains("unreachable"), browser.el("#ds-test-result").getText());

        browser.click("#discover-link");
        browser.onPage("discover");
        browser.click("#wizard-schemas");
        browser.el("#wizard-schema-list input[data-name='shop']");
        for (WebElement box : browser.driver.findElements(By.cssSelector("#wizard-schema-list input"))) {
            if (box.isSelected() != box.getAttribute("data-name").equals("shop")) box.click();
        }
        browser.click("#wizard-tables");
        browser.el("#wizard-table-list input[data-name='shop.orders']");
        browser.type("#alias-shop", "store");
        browser.click("#wizard-columns");
        WebElement email = browser.el("fieldset input[data-name='email']");
        email.click();   // leave customers.email out of the allowlist
        browser.click("#wizard-save");
        browser.textOf("#wizard-done", "2 table(s)");
        String progress = browser.el("#wizard-progress").getText();
        assertTrue(progress.contains("schemas: reading schemas") && progress.contains("columns: reading columns"),
                "progress arrived from the server's event stream: " + progress);
        browser.screenshot("05-discovery");

        List<CatalogSchemaEntry> catalog = server.store.catalog().read(dsId);
        assertEquals("store", catalog.get(0).alias());
        CatalogTableEntry customers = catalog.get(0).tables().stream().filter(t -> t.name().equals("customers")).findFirst().orElseThrow();
        assertTrue(customers.selected());
        assertFalse(customers.columns().stream().filter(c -> c.name().equals("email")).findFirst().orElseThrow().selected());

        pg.execute("ui_shop", "ALTER TABLE shop.orders ADD COLUMN note text");
        browser.go("#/datasources/" + dsId);
        browser.onPage("datasource");
        browser.type("#catalog-search", "orders");
        assertFalse(browser.driver.findElement(By.cssSelector("#catalog-tree input[aria-label='table shop.customers']")).isDisplayed());
        browser.click("#catalog-sync");
        browser.textOf("#drift", "orders.note added");
        browser.screenshot("06-datasource-catalog");
    }

    @Test
    @Order(4)
    void rowFilterPolicyIsValidatedAsYouTypeThenAssigned() {
        signIn();
        browser.go("#/policies/new");
        browser.onPage("policy");
        browser.type("#policy-name", "orders-of-customer-1");
        browser.choose("#policy-type", "row_filter");
        browser.choose("#target-catalog-source", "shop");
        browser.await(d -> d.findElements(By.cssSelector("#target-1-schemas-pick option")).size() > 1 ? true : null);
        browser.choose("#target-1-schemas-pick", "store");
        browser.choose("#target-1-tables-pick", "orders");
        assertEquals("store", browser.el("#target-1-schemas").getAttribute("value"));
        assertEquals("orders", browser.el("#target-1-tables").getAttribute("value"));
        browser.type("#policy-expression", "customer_id = {user.no_such_attribute}");
        String problem = browser.await(d -> {
            WebElement s = d.findElement(By.id("expression-status"));
            return s.getAttribute("class").contains("error") && !s.getText().isBlank() ? s.getText() : null;
        });
        assertTrue(problem.contains("no_such_attribute"), problem);
        browser.type("#policy-expression", "customer_id = 1");
        browser.textOf("#expression-status", "Expression is valid.");
        browser.click("#policy-save");
        browser.textOf("main h1", "orders-of-customer-1");

        browser.choose("#assign-datasource", "shop");
        browser.choose("#assign-scope", "role");
        browser.choose("#assign-role", "analysts");
        browser.type("#assign-priority", "50");
        browser.click("#assign-submit");
        browser.textOf("#assignment-list", "analysts");
        String policyId = server.store.policies().findByName("orders-of-customer-1").orElseThrow().id();
        List<AssignmentRecord> assigned = server.store.assignments().listByPolicy(policyId);
        assertEquals(1, assigned.size());
        assertEquals(Scope.ROLE, assigned.get(0).assignment().scope());
        assertEquals(50, assigned.get(0).assignment().priority());

        browser.type("#policy-expression", "customer_id = 2");
        browser.textOf("#expression-status", "Expression is valid.");
        browser.click("#policy-save");
        browser.textOf("main h1", "v3");   // create, assign, update
        browser.choose("#diff-from", "v1");
        browser.choose("#diff-to", "v3");
        browser.click("#diff-show");
        browser.textOf("#diff", "customer_id = 2");
        browser.screenshot("07-policy");
        browser.go("#/policies");
        browser.choose("#policy-type-filter", "column_mask");
        browser.textOf("#policy-list", "Nothing here yet.");
        browser.choose("#policy-type-filter", "row_filter");
        browser.textOf("#policy-list", "orders-of-customer-1");
    }

    @Test
    @Order(5)
    void queryAuditListsRecordsAndOpensTheSideBySideView() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        server.store.queryAudit().insertAll(List.of(
                audit("ui-q-1", now.minusSeconds(60), "SELECT * FROM store.orders",
                        "SELECT * FROM (SELECT id, customer_id, total FROM shop.orders WHERE customer_id = 1) AS orders",
                        QueryAuditRecord.Decision.ALLOWED, null),
                audit("ui-q-2", now.minusSeconds(30), "DELETE FROM store.orders", null, QueryAuditRecord.Decision.DENIED, "42501")));
        signIn();
        browser.textOf("main", "DELETE FROM store.orders");   // the dashboard's latest queries
        browser.go("#/audit/queries");
        browser.onPage("query-audit");
        browser.textOf("#qa-list", "SELECT * FROM store.orders");
        browser.choose("#qa-status", "denied");
        browser.click("#qa-apply");
        browser.await(d -> d.findElement(By.id("qa-list")).getText().contains("SELECT * FROM store.orders") ? null : true);
        browser.choose("#qa-status", "allowed");
        browser.click("#qa-apply");
        browser.textOf("#qa-list", "SELECT * FROM store.orders");
        browser.click("button[data-audit-id='ui-q-1']");
        assertEquals("SELECT * FROM store.orders", browser.el("#qa-original").getText());
        assertTrue(browser.el("#qa-rewritten").getText().contains("WHERE customer_id = 1"));
        browser.textOf("#qa-policies", "orders-of-customer-1 v2");
        browser.screenshot("08-query-audit");

        browser.go("#/audit/admin");
        browser.onPage("admin-audit");
        browser.textOf("#aa-list", "policy");
        browser.screenshot("09-admin-audit");
    }

    @Test
    @Order(6)
    void attributesAndTypedUserAttributes() {
        signIn();
        browser.go("#/attributes");
        browser.onPage("attributes");
        browser.click("#new-attr summary");
        browser.type("#new-attr-key", "region");
        browser.choose("#new-attr-type", "string");
        browser.type("#new-attr-allowed", "eu, us");
        browser.click("#new-attr-submit");
        browser.textOf("#attr-list", "string ∈ {eu, us}");
        browser.screenshot("10-attributes");
        String alice = server.store.users().findByUsername("alice").orElseThrow().id();
        browser.go("#/users/" + alice);
        browser.onPage("user");
        browser.choose("#attr-region", "eu");
        browser.click("#attributes-save");
        browser.textOf("main", "Saved.");
        assertEquals(new dev.betweenrows.policy.AttributeValue.Text("eu"), server.store.users().attributes(alice).get("region"));
    }

    @Test
    @Order(7)
    void anExpiredSessionReturnsToSignInWithAMessage() {
        signIn();
        browser.go("#/roles");
        browser.onPage("roles");
        browser.driver.manage().deleteCookieNamed("br_session");
        browser.driver.findElement(By.linkText("Users")).click();
        browser.onPage("login");
        browser.textOf("#login-flash", "session has expired");
        assertEquals("#/login", browser.hash());
        browser.screenshot("00-sign-in-expired");
    }

    private static QueryAuditRecord audit(String id, Instant at, String sql, String rewritten, QueryAuditRecord.Decision d,
                                          String state) {
        String dsId = server.store.dataSources().findByName("shop").orElseThrow().id();
        var policy = server.store.policies().findByName("orders-of-customer-1").orElseThrow();
        return new QueryAuditRecord(id, at, QueryAuditRecord.Kind.STATEMENT, null, "alice", dsId, "shop", "10.0.0.9:5555",
                "psql", 1L, 0, "simple", sql, rewritten,
                rewritten == null ? List.of() : List.of(new QueryAuditRecord.AppliedPolicyRef(policy.id(), policy.policy().name(), 2)),
                d, state, d == QueryAuditRecord.Decision.DENIED ? "permission denied" : null,
                d == QueryAuditRecord.Decision.DENIED ? "writes are refused" : null, 40L, 900L, 1L, 64L, null);
    }
}
