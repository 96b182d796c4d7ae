package dev.betweenrows.it;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operations on a running deployment: audit under load and crash, verify, sessions, catalog, online backup. */
class OperationsEndToEndTest extends ShopDeployment {
    private long audited(String search) throws Exception {
        return api.get("/api/v1/audit/queries?page_size=1&search=" + search).asJsonObject().getJsonNumber("total").longValue();
    }

    @Test
    @Order(9)
    void underConcurrentLoadTheAuditHasExactlyOneRowPerStatement() throws Exception {
        String marker = "load_" + System.nanoTime();
        int sessions = 12, each = 40;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(sessions)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                done.add(pool.submit(() -> {
                    try (Connection c = jdbc("alice", ALICE_PW); Statement st = c.createStatement()) {
                        for (int i = 0; i < each; i++) {
                            try (ResultSet r = st.executeQuery("SELECT " + session + " AS s, " + i + " AS i, count(*) AS " + marker
                                    + " FROM orders")) {
                                r.next();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) f.get();
        }
        long expected = (long) sessions * each;
        long seen = 0;
        for (int i = 0; i < 100 && seen < expected; i++) {
            seen = audited(marker);
            if (seen < expected) Thread.sleep(100);
        }
        Thread.sleep(500);
        assertEquals(expected, audited(marker), "one audit row per statement, none lost, none doubled");
    }

    @Test
    @Order(10)
    void aKillDashNineLosesNoRecordOfAStatementTheClientSawComplete() throws Exception {
        String marker = "crash_" + System.nanoTime();
        int statements = 200;
        try (Connection c = jdbc("alice", ALICE_PW); Statement st = c.createStatement()) {
            for (int i = 0; i < statements; i++) {
                try (ResultSet r = st.executeQuery("SELECT " + i + " AS " + marker)) {
                    assertTrue(r.next());
                }
            }
            server.kill9();   // right after the last result arrived: the store may not have the last batch yet
        }
        server.close();
        server = RunningImage.start(RunningImage.serverEnv(data));
        Matcher ready = server.await(RunningImage.READY, Duration.ofSeconds(60));
        proxyPort = Integer.parseInt(ready.group(2));
        api = new AdminApi(Integer.parseInt(ready.group(3))).login("admin", ADMIN_PW);
        assertEquals(statements, audited(marker), "measured loss bound: 0 of " + statements + " records after kill -9");
    }

    @Test
    @Order(11)
    void verifyAutomatesThePostUpgradeChecklist() throws Exception {
        String adminUrl = "http://127.0.0.1:" + api.port();
        java.util.Map<String, String> env = java.util.Map.of("BR_VERIFY_ADMIN_PASSWORD", ADMIN_PW, "BR_VERIFY_USER_PASSWORD", ALICE_PW);
        String[] args = {"verify", "--admin-url", adminUrl, "--admin-user", "admin", "--datasource", "shop", "--as-user", "alice",
                "--proxy", "127.0.0.1:" + proxyPort, "--query", "SELECT * FROM customers", "--expect-rows", "2",
                "--expect-rewritten", "tenant = 'acme'"};
        try (RunningImage ok = RunningImage.start(env, args)) {
            assertEquals(0, ok.awaitExit(Duration.ofSeconds(60)), ok.output());
            assertTrue(ok.output().contains("verify: all checks passed"), ok.output());
            assertTrue(ok.output().contains("PASS  the audit shows the query"), ok.output());
        }
        args[args.length - 3] = "3";   // a spot-check that does not hold
        try (RunningImage bad = RunningImage.start(env, args)) {
            assertEquals(1, bad.awaitExit(Duration.ofSeconds(60)), bad.output());
            assertTrue(bad.output().contains("FAIL  row count spot-check: expected 3 rows, got 2"), bad.output());
            assertFalse(bad.output().contains(ALICE_PW) || bad.output().contains(ADMIN_PW), "no secret in the report");
        }
    }

    @Test
    @Order(12)
    void adminsSeeOpenSessionsAndCanTerminateOne() throws Exception {
        try (Connection c = jdbc("alice", ALICE_PW)) {
            assertEquals(2, count(c, "SELECT count(*) FROM customers"));
            JsonObject mine = api.get("/api/v1/sessions").asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.getString("username").equals("alice")).findFirst().orElseThrow();
            assertEquals("shop", mine.getString("datasource_name"));
            assertEquals("idle", mine.getString("state"));
            api.call("DELETE", "/api/v1/sessions/" + mine.getJsonNumber("id").longValue(), null, 204);
            SQLException e = assertThrows(SQLException.class, () -> count(c, "SELECT 1"));
            assertTrue(e.getSQLState().startsWith("57") || e.getSQLState().startsWith("08"), e.getSQLState());
        }
        api.call("GET", "/api/v1/sessions/999999", null, 404);
    }

    @Test
    @Order(13)
    void psqlDescribeCommandsShowOnlyWhatTheUserMaySee() throws Exception {
        Clients.Result tables = alice("\\dt");
        assertEquals(0, tables.exit(), tables.err());
        assertTrue(tables.out().contains("customers") && tables.out().contains("orders"), tables.out());
        assertFalse(tables.out().contains("secrets"), "a denied table is not listed: " + tables.out());
        Clients.Result columns = alice("\\d customers");
        assertEquals(0, columns.exit(), columns.err());
        assertTrue(columns.out().contains("email") && columns.out().contains("tenant"), columns.out());
        Clients.Result hidden = alice("\\d secrets");
        assertFalse(hidden.out().contains("note"), "no columns of a denied table: " + hidden.out());
        assertTrue(hidden.err().contains("Did not find any relation named \"secrets\""), hidden.err());
    }

    @Test
    @Order(14)
    void theBackupCommandWorksWhileTheServerIsServing() throws Exception {
        Path target = Files.createTempDirectory("br-online").resolve("backup");
        try (RunningImage refused = RunningImage.start(RunningImage.serverEnv(data), "backup", "--to", target.toString())) {
            assertEquals(1, refused.awaitExit(Duration.ofSeconds(60)));
            assertTrue(refused.output().contains("--admin-url"), "the refusal says how to back up online: " + refused.output());
        }
        java.util.Map<String, String> env = new java.util.HashMap<>(RunningImage.serverEnv(data));
        env.put("BR_BACKUP_ADMIN_PASSWORD", ADMIN_PW);
        try (RunningImage online = RunningImage.start(env, "backup", "--to", target.toString(),
                "--admin-url", "http://127.0.0.1:" + api.port(), "--admin-user", "admin")) {
            assertEquals(0, online.awaitExit(Duration.ofSeconds(120)), online.output());
            assertTrue(online.output().contains("online backup written by the server to " + target), online.output());
        }
        assertTrue(Files.isDirectory(target) && Files.list(target).findAny().isPresent(), "the backup directory has the store");
        assertEquals(1, alice("SELECT 1").exit() == 0 ? 1 : 0, "the server kept serving");
    }
}
