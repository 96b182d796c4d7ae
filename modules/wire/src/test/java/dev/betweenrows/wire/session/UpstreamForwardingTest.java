package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.UpstreamTarget.TlsMode;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.ParameterStatus;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.TransactionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding through the proxy to a real PostgreSQL, with a test-only guard that forwards unchanged. */
@WithPostgres
class UpstreamForwardingTest {
    static final String ROLE_PASSWORD = "app-secret";
    @TempDir
    static Path dir;
    static PostgresServer pg;
    static UpstreamFixture fixture;

    @BeforeAll
    static void start(PostgresServer server) throws Exception {
        pg = server;
        pg.createDatabase("shop");
        pg.createRole("app", ROLE_PASSWORD);
        pg.execute("shop",
                "CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), at timestamptz,"
                        + " data bytea, ratio float8, ok bool, doc jsonb, tags text[])",
                "INSERT INTO items VALUES (1, 'apple', 1.25, '2024-01-02 03:04:05+00', '\\x0102', 0.1, true,"
                        + " '{\"a\": 1}', '{x,y}'), (2, 'pear \"q\"', NULL, NULL, NULL, 1e300, false, NULL, NULL),"
                        + " (3, 'ünïcödé', 99999999.99, '1999-12-31 23:59:59.123456+00', '\\x', -0.0, NULL, '[]', '{}')",
                "GRANT SELECT, INSERT ON items TO app");
        String ca = Files.readString(pg.tlsCertificate().orElseThrow());
        fixture = new UpstreamFixture(dir, new ForwardingGuard(), db -> switch (db) {
            case "shop" -> target(pg.port(), TlsMode.DISABLE, null);
            case "shop_tls" -> target(pg.port(), TlsMode.REQUIRE, null);
            case "shop_verified" -> target(pg.port(), TlsMode.VERIFY_FULL, ca);
            case "shop_untrusted" -> target(pg.port(), TlsMode.VERIFY_CA, null); // JDK CAs: self-signed fails
            case "down" -> target(1, TlsMode.DISABLE, null);
            default -> null;
        });
    }

    static UpstreamTarget target(int port, TlsMode mode, String ca) {
        return new UpstreamTarget("127.0.0.1", port, "shop", "app", ROLE_PASSWORD.toCharArray(), mode, ca);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void pgjdbcResultsEqualDirectResults() throws Exception {
        String sql = "SELECT * FROM items ORDER BY id";
        List<List<String>> direct;
        try (Connection c = pg.connect("shop", "app", ROLE_PASSWORD)) {
            direct = rows(c, sql);
        }
        for (String db : List.of("shop", "shop_tls", "shop_verified")) {
            try (Connection c = fixture.connect(db, "preferQueryMode", "simple")) {
                assertEquals(direct, rows(c, sql), db);
            }
        }
        assertEquals(3, direct.size());
    }

    @Test
    void psqlOutputEqualsDirectOutput() throws Exception {
        String sql = "SELECT * FROM items ORDER BY id; SELECT count(*) FROM items";
        PsqlRun direct = PsqlRun.run(pg.port(), "app", ROLE_PASSWORD, "shop", sql);
        PsqlRun proxied = PsqlRun.run(fixture.port(), "alice", UpstreamFixture.PASSWORD, "shop", sql);
        assertEquals(0, direct.exit(), direct.err());
        assertEquals(direct, proxied);
        assertTrue(proxied.out().contains("ünïcödé"), proxied.out());
    }

    @Test
    void transactionStatusIsTheUpstreams() throws Exception {
        try (RawClient c = login("shop")) {
            assertEquals(TransactionStatus.IN_TRANSACTION, status(c, "BEGIN"));
            List<BackendMessage> failed = query(c, "SELECT 1/0");
            assertEquals(TransactionStatus.FAILED, ((ReadyForQuery) failed.getLast()).status());
            assertEquals("22012", ((ErrorResponse) failed.getFirst()).sqlState());
            List<BackendMessage> ignored = query(c, "SELECT 1");
            assertEquals("25P02", ((ErrorResponse) ignored.getFirst()).sqlState());
            assertEquals(TransactionStatus.IDLE, status(c, "ROLLBACK"));
            assertEquals(TransactionStatus.IN_TRANSACTION, status(c, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
            List<BackendMessage> iso = query(c, "SHOW transaction_isolation");
            assertEquals("serializable", text(iso.get(1)));
            assertEquals(TransactionStatus.IN_TRANSACTION, status(c, "SAVEPOINT s1"));
            assertEquals(TransactionStatus.FAILED, status(c, "SELECT nope"));
            assertEquals(TransactionStatus.IN_TRANSACTION, status(c, "ROLLBACK TO SAVEPOINT s1"));
            assertEquals(TransactionStatus.IN_TRANSACTION, status(c, "RELEASE SAVEPOINT s1"));
            assertEquals(TransactionStatus.IDLE, status(c, "COMMIT"));
            List<BackendMessage> rw = query(c, "BEGIN READ WRITE");
            assertEquals("25006", ((ErrorResponse) rw.getFirst()).sqlState());
            assertEquals(TransactionStatus.IDLE, ((ReadyForQuery) rw.getLast()).status());
        }
    }

    @Test
    void upstreamErrorsAreScrubbed() throws Exception {
        try (RawClient c = login("shop")) {
            ErrorResponse div = (ErrorResponse) query(c, "SELECT 1/0").getFirst();
            assertEquals(Set.of('S', 'V', 'C', 'M'), div.fields().keySet());
            assertEquals("22012", div.sqlState());
            assertEquals("division by zero", div.message());
            ErrorResponse syntax = (ErrorResponse) query(c, "SELECT * FROM items WHERE").getFirst();
            assertEquals(Set.of('S', 'V', 'C', 'M'), syntax.fields().keySet());
            assertEquals("42601", syntax.sqlState());
            ErrorResponse missing = (ErrorResponse) query(c, "SELECT secret_column FROM items").getFirst();
            assertEquals("42703", missing.sqlState());
            assertFalse(missing.message().contains("secret_column"), missing.message());
        }
    }

    @Test
    void upstreamIsReadOnlyEvenIfAGuardForwardsAWrite() throws Exception {
        try (RawClient c = login("shop")) {
            ErrorResponse e = (ErrorResponse) query(c, "INSERT INTO items (id) VALUES (42)").getFirst();
            assertEquals("25006", e.sqlState());
            for (String set : List.of("SET default_transaction_read_only = off", "SET search_path = evil",
                    "SET role = postgres", "SET work_mem = '1GB'")) {
                ErrorResponse refused = (ErrorResponse) query(c, set).getFirst();
                assertEquals("42501", refused.sqlState(), set);
            }
            List<BackendMessage> sp = query(c, "SHOW search_path");
            assertEquals("public", text(sp.get(1)));
        }
        try (Connection c = pg.connect("shop")) {
            assertEquals(List.of(List.of("3")), rows(c, "SELECT count(*) FROM items"));
        }
    }

    @Test
    void allowlistedSetIsRebuiltAndReportsParameterStatus() throws Exception {
        try (RawClient c = login("shop")) {
            List<BackendMessage> set = query(c, "SET TimeZone = 'Asia/Tokyo'");
            assertTrue(set.contains(new ParameterStatus("TimeZone", "Asia/Tokyo")), set.toString());
            assertTrue(set.contains(new CommandComplete("SET")), set.toString());
            List<BackendMessage> show = query(c, "SHOW timezone");
            assertEquals("Asia/Tokyo", text(show.get(1)));
            List<BackendMessage> ts = query(c, "SELECT '2024-01-01 00:00:00+00'::timestamptz::text");
            assertEquals("2024-01-01 09:00:00+09", text(ts.get(1)));
            List<BackendMessage> app = query(c, "SET application_name = 'my tool'");
            assertTrue(app.contains(new ParameterStatus("application_name", "my tool")), app.toString());
            ErrorResponse bad = (ErrorResponse) query(c, "SET extra_float_digits = 99").getFirst();
            assertEquals("22023", bad.sqlState());
            List<BackendMessage> discard = query(c, "DISCARD ALL");
            assertTrue(discard.contains(new CommandComplete("DISCARD ALL")), discard.toString());
            List<BackendMessage> after = query(c, "SHOW timezone");
            assertEquals("Etc/UTC", text(after.get(1)));
        }
    }

    @Test
    void upstreamDownIsFatal08006NamingNoHost() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> fixture.connect("down").close());
        assertEquals("08006", e.getSQLState());
        String message = e.getMessage();
        assertTrue(message.contains("could not connect to the data source"), message);
        for (String secret : List.of("127.0.0.1", "shop", "app", ":1")) {
            assertFalse(message.contains(secret), message);
        }
        SQLException untrusted = assertThrows(SQLException.class, () -> fixture.connect("shop_untrusted").close());
        assertEquals("08006", untrusted.getSQLState());
        try (Connection c = fixture.connect("shop", "preferQueryMode", "simple")) { // others keep working
            assertEquals(List.of(List.of("1")), rows(c, "SELECT 1"));
        }
    }

    @Test
    void pooledSessionsTheUpstreamDroppedAreReplaced() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Connection c = fixture.connect("shop", "preferQueryMode", "simple")) {
                assertEquals(List.of(List.of("app")), rows(c, "SELECT current_user"));
            }
            try (Connection admin = pg.connect("postgres")) { // kills the idle pooled sessions
                rows(admin, "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE usename = 'app'");
            }
        }
        try (Connection c = fixture.connect("shop", "preferQueryMode", "simple")) {
            assertEquals(List.of(List.of("on")), rows(c, "SHOW default_transaction_read_only"));
        }
    }

    @Test
    void cancelReachesTheUpstreamWithin1Second() throws Exception {
        try (Connection c = fixture.connect("shop", "preferQueryMode", "simple"); Statement s = c.createStatement()) {
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                    s.cancel();
                } catch (Exception ignored) {
                    // the assertion below fails instead
                }
            });
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT pg_sleep(10)"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            canceller.join();
            assertEquals("57014", e.getSQLState());
            assertTrue(millis < 1500, "took " + millis + " ms");
            assertEquals(List.of(List.of("2")), rows(c, "SELECT 2")); // the session goes on
        }
    }

    /**
     * Closing the proxy ends a session whose statement is waiting on upstream: the statement is cancelled and the
     * upstream connection dropped, whatever kind of thread the session runs on (an OS thread's blocked read is not
     * ended by an interrupt).
     */
    @Test
    void closeEndsTheStatementASessionWaitsOnUpstream() throws Exception {
        UpstreamFixture own = new UpstreamFixture(dir, new ForwardingGuard(),
                db -> db.equals("shop") ? target(pg.port(), TlsMode.DISABLE, null) : null);
        try (Connection c = own.connect("shop", "preferQueryMode", "simple"); Statement s = c.createStatement()) {
            Thread closer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException ignored) {
                    return;
                }
                own.close();
            });
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT pg_sleep(60) AS closing"));
            closer.join();
            assertEquals("57P01", e.getSQLState(), e.getMessage());
            long deadline = System.nanoTime() + 3_000_000_000L;
            List<List<String>> sleeping;
            do {   // the upstream backend was told: its statement is gone
                try (Connection direct = pg.connect("shop")) {
                    sleeping = rows(direct, "SELECT pid FROM pg_stat_activity WHERE state = 'active'"
                            + " AND query LIKE 'SELECT pg_sleep(60) AS closing%'");
                }
            } while (!sleeping.isEmpty() && System.nanoTime() < deadline);
            assertEquals(List.of(), sleeping);
        }
    }

    /**
     * The idle timeout counts only time spent waiting for the client: a statement that runs longer than it, and
     * a client that keeps sending, keep the session; waiting longer than it ends the session with 57P05.
     */
    @Test
    void idleTimeoutCountsOnlyWaitingForTheClient() throws Exception {
        UpstreamFixture own = new UpstreamFixture(dir, new ForwardingGuard(),
                db -> db.equals("shop") ? target(pg.port(), TlsMode.DISABLE, null) : null, Duration.ofMillis(700));
        try (own; RawClient c = new RawClient(own.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "shop")));
            assertInstanceOf(ReadyForQuery.class, c.scram(UpstreamFixture.PASSWORD).getLast());
            List<BackendMessage> slow = query(c, "SELECT pg_sleep(1.5)::text");
            assertEquals("", text(slow.get(1)), slow.toString());
            for (int i = 0; i < 8; i++) {
                Thread.sleep(150);
                assertEquals(String.valueOf(i), text(query(c, "SELECT " + i).get(1)));
            }
            long waited = System.nanoTime();
            assertEquals("57P05", RawProtocolTest.fatalThenClose(c).sqlState());
            assertTrue(System.nanoTime() - waited >= Duration.ofMillis(600).toNanos());
        }
    }

    static String text(BackendMessage row) {
        return new String(((DataRow) row).values().get(0), java.nio.charset.StandardCharsets.UTF_8);
    }

    static RawClient login(String database) throws Exception {
        RawClient c = new RawClient(fixture.port());
        c.send(StartupMessage.v3(Map.of("user", "alice", "database", database)));
        List<BackendMessage> greeting = c.scram(UpstreamFixture.PASSWORD);
        assertInstanceOf(ReadyForQuery.class, greeting.getLast(), greeting.toString());
        return c;
    }

    static List<BackendMessage> query(RawClient c, String sql) throws Exception {
        c.send(new Query(sql));
        return c.readUntilReady();
    }

    static TransactionStatus status(RawClient c, String sql) throws Exception {
        List<BackendMessage> got = query(c, sql);
        assertFalse(got.stream().anyMatch(m -> m instanceof ErrorResponse) && !sql.startsWith("SELECT nope"),
                got.toString());
        return ((ReadyForQuery) got.getLast()).status();
    }
}
