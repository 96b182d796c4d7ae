package dev.betweenrows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Servers started directly, without the extension, so they can be stopped and inspected. */
class StandaloneServerTest {

    @Test
    void stopReallyStopsAndDeletesEverything() throws IOException, SQLException {
        PostgresServer pg = PostgresServer.builder().start();
        int port = pg.port();
        Path root = pg.logFile().getParent();
        assertTrue(pg.tlsCertificate().isEmpty());
        try (Connection c = pg.connect("postgres")) {
            assertTrue(c.isValid(5));
        }
        assertTrue(Files.isDirectory(root.resolve("data")));

        pg.stop();

        assertTrue(pg.isStopped());
        assertFalse(Files.exists(root), "temp dir left behind: " + root);
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class,
                    () -> socket.connect(new InetSocketAddress(PostgresServer.HOST, port), 2000));
        }
        pg.stop(); // idempotent
    }

    @Test
    void hbaLinesSelectMd5AndPasswordForChosenRoles() throws SQLException, IOException {
        try (PostgresServer pg = PostgresServer.builder()
                .hbaForRole("legacy", "md5")
                .hbaForRole("plain", "password")
                .setting("log_connections", "on")
                .start()) {
            pg.createRole("legacy", "legacy-pw", PasswordHash.MD5);
            pg.createRole("plain", "plain-pw");
            pg.createRole("modern", "modern-pw");
            assertEquals(1, queryOne(pg.connect("postgres", "legacy", "legacy-pw")));
            assertEquals(1, queryOne(pg.connect("postgres", "plain", "plain-pw")));
            assertEquals(1, queryOne(pg.connect("postgres", "modern", "modern-pw")));

            String log = Files.readString(pg.logFile());
            assertTrue(log.contains("identity=\"legacy\" method=md5"), log);
            assertTrue(log.contains("identity=\"plain\" method=password"), log);
            assertTrue(log.contains("identity=\"modern\" method=scram-sha-256"), log);
        }
    }

    @Test
    void startFailureShowsServerLogAndCleansUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresServer.builder().hbaLine("this is not an hba line").start());
        // The reason is only in the server's log, so seeing it proves the tail was attached.
        assertTrue(e.getMessage().contains("pg_hba.conf"), e.getMessage());
        Matcher root = Pattern.compile("(/\\S*/br-pg-[^/\\s]+)/").matcher(e.getMessage());
        assertTrue(root.find(), e.getMessage());
        assertFalse(Files.exists(Path.of(root.group(1))), "temp dir left behind: " + root.group(1));
    }

    private static int queryOne(Connection connection) throws SQLException {
        try (Connection c = connection; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
