package dev.betweenrows.admin.ui;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.policy.SessionState;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.UserRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Preview as user" and the dashboard's live figures in headless Chromium, against the real admin server,
 * the real store and the real query guard (no upstream needed: a preview never runs anything upstream).
 */
class PreviewUiTest {
    private static final LiveSessions SESSIONS = new LiveSessions();
    private static UiServer server;
    private static Browser browser;
    private static ServerSocket upstream;   // stands in for a reachable upstream port
    private static UserRecord alice;
    private static DataSourceRecord shop;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) return;
            browser.screenshot("failed-preview-" + context.getRequiredTestMethod().getName());
            System.err.println("UI at failure (" + browser.hash() + "):\n" + browser.driver.findElement(By.tagName("body")).getText());
        }
    };

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = new UiServer(SESSIONS);
        AdminStore store = server.store;
        alice = store.users().create(new NewUser("pv-alice", Passwords.scramVerifier("pv-alice-password".toCharArray()), false));
        store.users().create(new NewUser("pv-nobody", Passwords.scramVerifier("pv-nobody-password".toCharArray()), false));
        shop = store.dataSources().create(new DataSourceSettings("pvshop", "127.0.0.1", upstream.getLocalPort(), "shop",
                "reader", null, null, AccessMode.OPEN, true, null), null, Actor.SYSTEM);
        store.catalog().save(shop.id(), List.of(new CatalogSchemaEntry("public", null, true, List.of(
                new CatalogTableEntry("orders", TableKind.TABLE, true, List.of(
                        new CatalogColumnEntry("id", "integer", 1, false, true),
                        new CatalogColumnEntry("tenant", "text", 2, false, true),
                        new CatalogColumnEntry("ssn", "text", 3, true, true)))))), Actor.SYSTEM);
        store.dataSources().grant(new AccessGrant(shop.id(), Scope.USER, alice.id()), Actor.SYSTEM);
        assign(store, "tenant-acme", PolicyType.ROW_FILTER, "tenant = 'acme'", List.of());
        assign(store, "ssn-hidden", PolicyType.COLUMN_MASK, "'***'", List.of("ssn"));
        browser = Browser.open(server.base());
    }

    private static void assign(AdminStore store, String name, PolicyType type, String expression, List<String> columns) {
        String id = store.policies().create(new PolicyDraft(name, type, null,
                List.of(Target.of(List.of("public"), List.of("orders"), columns)), expression, true), Actor.SYSTEM).id();
        store.assignments().create(new Assignment(id, shop.id(), Scope.USER, alice.id(), 10), Actor.SYSTEM);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
        if (upstream != null) upstream.close();
    }

    private void signIn() {
        browser.go("#/login");
        browser.type("#login-username", UiServer.ADMIN);
        browser.type("#login-password", UiServer.PASSWORD);
        browser.click("#login-submit");
        browser.onPage("dashboard");
    }

    @Test
    void previewShowsTheRewriteTheCatalogAndRefusals() {
        signIn();
        browser.driver.findElement(By.linkText("Preview as user")).click();
        browser.onPage("preview");
        browser.choose("#pv-user", "pv-alice");
        browser.choose("#pv-datasource", "pvshop");
        browser.type("#pv-sql", "SELECT id, ssn FROM orders WHERE id = 7");
        browser.click("#pv-run");
        String rewritten = browser.textOf("#pv-rewritten", "tenant = 'acme'");
        assertTrue(rewritten.contains("'***'"), rewritten);
        browser.textOf("#pv-applied", "tenant-acme");
        browser.textOf("#pv-policies", "ssn-hidden");
        browser.textOf("#pv-catalog", "public.orders");
        assertTrue(browser.el("#pv-catalog").getText().contains("masked"));
        browser.screenshot("11-preview");

        browser.type("#pv-sql", "DELETE FROM orders");
        browser.click("#pv-run");
        assertEquals("25006", browser.textOf("#pv-sqlstate", "25006"));
        assertFalse(browser.el("#pv-reason").getText().isBlank(), "the admin sees why");

        browser.choose("#pv-user", "pv-nobody");
        browser.click("#pv-run");
        browser.textOf("#pv-error", "pv-nobody has no access to data source pvshop");
    }

    @Test
    void dashboardShowsLiveFiguresAndTerminatesASession() {
        SESSIONS.open.add(new SessionInfo(41, alice.id(), alice.username(), shop.id(), shop.name(), "10.0.0.5:40000",
                "psql", Instant.now(), SessionState.values()[0], null));
        signIn();
        assertEquals("1", browser.textOf("#stat-sessions b", "1"));
        browser.textOf("[data-reachable='pvshop']", "port open");
        browser.textOf("#dash-sessions", "pv-alice");
        browser.screenshot("12-dashboard-live");
        browser.click("button[data-terminate='41']");
        browser.await(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (NoAlertPresentException e) {
                return null;
            }
        });
        browser.textOf("#dash-sessions", "Nothing here yet.");
        assertEquals(List.of("41"), SESSIONS.terminated);
        assertTrue(SESSIONS.open.isEmpty());
    }

    /** A data plane whose sessions the test opens; terminating one removes it. */
    private static final class LiveSessions implements SessionRegistry {
        final List<SessionInfo> open = new CopyOnWriteArrayList<>();
        final List<String> terminated = new CopyOnWriteArrayList<>();

        @Override public List<SessionInfo> list() { return List.copyOf(open); }
        @Override public Optional<SessionInfo> find(long id) { return open.stream().filter(s -> s.id() == id).findFirst(); }

        @Override
        public boolean terminate(long id, String reason) {
            terminated.add(Long.toString(id));
            return open.removeIf(s -> s.id() == id);
        }

        @Override public int terminateUser(String userId, String reason) { return 0; }
        @Override public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) { return 0; }
        @Override public int terminateDataSource(String dataSourceId, String reason) { return 0; }
    }
}
