package dev.betweenrows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(1)
@WithPostgres
class SharedServerFirstTest {

    private final PostgresServer pg;

    SharedServerFirstTest(PostgresServer pg) {
        this.pg = pg;
        SeenServer.FIRST.compareAndSet(null, pg);
    }

    @Test
    void roleConnectsWithScramAndQueries() throws SQLException {
        pg.createDatabase("shop");
        pg.createRole("alice", "alice-secret");
        pg.execute("shop",
                "CREATE TABLE orders (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO orders VALUES (1, 10.5), (2, 4.5), (3, 5)",
                "GRANT SELECT ON orders TO alice");

        try (Connection c = pg.connect("shop", "alice", "alice-secret");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, count(*), sum(amount) FROM orders")) {
            assertTrue(rs.next());
            assertEquals("alice", rs.getString(1));
            assertEquals(3, rs.getInt(2));
            assertEquals(0, rs.getBigDecimal(3).compareTo(new java.math.BigDecimal("20")));
        }
        // The hba file allows only scram-sha-256 for host connections, so the login above was SCRAM;
        // the stored verifier confirms the password is kept in SCRAM form.
        try (Connection c = pg.connect("postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("SCRAM-SHA-256$"));
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        pg.createRole("bob", "right");
        SQLException e = assertThrows(SQLException.class, () -> pg.connect("postgres", "bob", "wrong").close());
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void awkwardNamesAndPasswordsAreQuoted() throws SQLException {
        String role = "o'brien \"x\"";
        String password = "pa'ss\"; DROP ROLE postgres; --";
        pg.createRole(role, password, "CONNECTION LIMIT 3");
        try (Connection c = pg.connect("postgres", role, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, rolconnlimit FROM pg_roles WHERE rolname = current_user")) {
            assertTrue(rs.next());
            assertEquals(role, rs.getString(1));
            assertEquals(3, rs.getInt(2));
        }
        assertThrows(IllegalArgumentException.class, () -> pg.createRole("eve", "x", "SUPERUSER; DROP ROLE alice"));
    }

    @Test
    void sharedServerSpeaksVerifiedTls() throws SQLException {
        assertTrue(pg.tlsCertificate().isPresent());
        Properties props = new Properties();
        props.setProperty("user", pg.superuser());
        props.setProperty("password", pg.superuserPassword());
        props.setProperty("sslmode", "verify-full");
        props.setProperty("sslrootcert", pg.tlsCertificate().get().toString());
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1));
        }
    }

    @Test
    void failedStatementReportsDatabaseAndSqlState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pg.execute("postgres", "SELECT * FROM no_such_table"));
        assertTrue(e.getMessage().contains("42P01"), e.getMessage());
        assertFalse(pg.isStopped());
    }
}
