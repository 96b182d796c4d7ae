package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgjdbc 42.7 (SCRAM via com.ongres.scram, its startup parameters, its error mapping) against the proxy. */
class PgjdbcTest {
    @TempDir
    static Path dir;
    static ProxyFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ProxyFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Connection connect(String user, String password, String db, String mode) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("preferQueryMode", mode);
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + fixture.port() + "/" + db, p);
    }

    @Test
    void selectOneInSimpleMode() throws SQLException {
        try (Connection c = connect("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "simple");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals(Types.INTEGER, rs.getMetaData().getColumnType(1));
            assertFalse(rs.next());
            assertTrue(fixture.guard.seen.stream().anyMatch(r -> r.sql().equals("SELECT 1")
                    && r.protocol() == Protocol.SIMPLE && r.session().dataSource().name().equals("testdb")));
        }
    }

    @Test
    void refusalsKeepTheirSqlStateAndTheSessionGoesOn() throws SQLException {
        try (Connection c = connect("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "simple");
             Statement s = c.createStatement()) {
            assertEquals("42501", assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM t")).getSQLState());
            assertEquals("08006", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 2")).getSQLState());
            assertEquals("XX000", assertThrows(SQLException.class, () -> s.executeQuery("boom")).getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void extendedProtocolIsRefusedUntilSyncAndTheConnectionSurvives() throws SQLException {
        try (Connection c = connect("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "extended");
             Statement s = c.createStatement()) {
            assertEquals("0A000", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
            assertEquals("0A000", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
            assertTrue(c.isValid(2) || !c.isClosed());
        }
    }

    @Test
    void loginFailuresMapToTheirSqlStates() {
        assertEquals("28P01", assertThrows(SQLException.class,
                () -> connect("alice", "not the password", ProxyFixture.DATABASE, "simple")).getSQLState());
        assertEquals("28P01", assertThrows(SQLException.class,
                () -> connect("ghost", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "simple")).getSQLState());
        assertEquals("3D000", assertThrows(SQLException.class,
                () -> connect("alice", ProxyFixture.PASSWORD, "other", "simple")).getSQLState());
    }

    @Test
    void theRegistryListsAndTerminatesSessions() throws Exception {
        try (Connection c = connect("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "simple");
             Statement s = c.createStatement()) {
            s.execute("SET application_name = 'registry-test'");
            List<SessionInfo> mine = fixture.proxy.sessions().list().stream()
                    .filter(i -> i.applicationName().equals("registry-test")).toList();
            assertEquals(1, mine.size());
            SessionInfo info = mine.getFirst();
            assertEquals("alice", info.username());
            assertEquals("testdb", info.dataSourceName());
            assertEquals(SessionState.IDLE, info.state());
            assertTrue(info.clientAddress().startsWith("127.0.0.1:"));
            assertEquals(info, fixture.proxy.sessions().find(info.id()).orElseThrow());

            assertTrue(fixture.proxy.sessions().terminate(info.id(), "test"));
            SQLException e = assertThrows(SQLException.class, () -> {
                for (int i = 0; i < 50; i++) { // the FATAL is sent from another thread
                    s.executeQuery("SELECT 1").close();
                    Thread.sleep(20);
                }
            });
            assertTrue(e.getSQLState().equals("57P01") || e.getSQLState().startsWith("08"), e.getSQLState());
            assertFalse(waitGone(info.id()), "a terminated session leaves the registry");
        }
    }

    private static boolean waitGone(long id) throws InterruptedException {
        for (int i = 0; i < 100 && fixture.proxy.sessions().find(id).isPresent(); i++) {
            Thread.sleep(20);
        }
        return fixture.proxy.sessions().find(id).isPresent();
    }
}
