package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.TlsOptions;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgjdbc 42.7 (JSSE, SCRAM-SHA-256-PLUS through com.ongres.scram) against the proxy with TLS. */
class TlsPgjdbcTest {
    @TempDir
    static Path dir;
    static ProxyFixture tls;
    static ProxyFixture plain;
    static ProxyFixture cleartext;

    @BeforeAll
    static void start() throws IOException {
        tls = ProxyFixture.start(Files.createDirectory(dir.resolve("on")),
                ProxyFixture.options(20, Duration.ZERO, Duration.ofSeconds(60)).withTls(TlsOptions.selfSigned(dir.resolve("on"))));
        plain = ProxyFixture.start(Files.createDirectory(dir.resolve("off")));
        cleartext = ProxyFixture.start(Files.createDirectory(dir.resolve("cleartext")),
                ProxyFixture.options(20, Duration.ZERO, Duration.ofSeconds(60))
                        .withTls(TlsOptions.selfSigned(dir.resolve("cleartext")).withCleartextOverTls(true)));
    }

    @AfterAll
    static void stop() {
        for (ProxyFixture f : List.of(tls, plain, cleartext)) {
            f.close();
        }
    }

    static int selectOne(ProxyFixture f, String host, String password, String... settings) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "10");
        p.setProperty("preferQueryMode", "simple"); // the extended protocol is not implemented yet
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + f.port() + "/"
                + ProxyFixture.DATABASE, p);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    static String root(String fixtureDir) {
        return dir.resolve(fixtureDir).resolve("tls/server.crt").toString();
    }

    @Test
    void verifyFullWithChannelBindingRequired() throws SQLException {
        assertEquals(1, selectOne(tls, "localhost", ProxyFixture.PASSWORD, "ssl", "true", "sslmode", "verify-full",
                "sslrootcert", root("on"), "channelBinding", "require"));
        assertEquals(1, selectOne(tls, "127.0.0.1", ProxyFixture.PASSWORD, "sslmode", "require"));
    }

    @Test
    void verifyFullRefusesAnotherCertificate() {
        SQLException e = assertThrows(SQLException.class, () -> selectOne(tls, "localhost", ProxyFixture.PASSWORD,
                "sslmode", "verify-full", "sslrootcert", root("cleartext")));
        assertEquals("08006", e.getSQLState(), e.getMessage());
    }

    @Test
    void channelBindingRequiredFailsWithoutTlsOrWithCleartext() {
        SQLException noTls = assertThrows(SQLException.class, () -> selectOne(plain, "127.0.0.1",
                ProxyFixture.PASSWORD, "sslmode", "prefer", "channelBinding", "require"));
        assertTrue(noTls.getMessage().toLowerCase().contains("channel binding"), noTls.getMessage());
        SQLException requireTls = assertThrows(SQLException.class, () -> selectOne(plain, "127.0.0.1",
                ProxyFixture.PASSWORD, "sslmode", "require"));
        assertTrue(requireTls.getMessage().contains("does not support SSL"), requireTls.getMessage());
        assertThrows(SQLException.class, () -> selectOne(cleartext, "127.0.0.1", ProxyFixture.PASSWORD,
                "sslmode", "require", "channelBinding", "require"));
    }

    @Test
    void cleartextOverTlsWhenAllowed() throws SQLException {
        assertEquals(1, selectOne(cleartext, "localhost", ProxyFixture.PASSWORD, "sslmode", "verify-full",
                "sslrootcert", root("cleartext")));
        SQLException wrong = assertThrows(SQLException.class, () -> selectOne(cleartext, "localhost",
                "wrong password!", "sslmode", "require"));
        assertEquals("28P01", wrong.getSQLState());
    }
}
