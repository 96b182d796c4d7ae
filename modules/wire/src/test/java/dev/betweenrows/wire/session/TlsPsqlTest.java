package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.TlsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real psql 15 (libpq + OpenSSL) against the proxy with TLS: modes, verify-full, channel binding, cleartext. */
class TlsPsqlTest {
    @TempDir
    static Path dir;
    static ProxyFixture tls;
    static ProxyFixture plain;
    static ProxyFixture cleartext;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() throws IOException {
        tls = ProxyFixture.start(Files.createDirectory(dir.resolve("tls-on")),
                ProxyFixture.options(20, Duration.ZERO, Duration.ofSeconds(60))
                        .withTls(TlsOptions.selfSigned(dir.resolve("tls-on"))));
        plain = ProxyFixture.start(Files.createDirectory(dir.resolve("tls-off")));
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

    static Path rootCert(String fixtureDir) {
        return dir.resolve(fixtureDir).resolve("tls/server.crt");
    }

    static Run psql(ProxyFixture f, String password, String options, String command)
            throws IOException, InterruptedException {
        String conninfo = "port=" + f.port() + " user=alice dbname=" + ProxyFixture.DATABASE + " connect_timeout=10 "
                + options;
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-d", conninfo, "-c", command);
        Map<String, String> env = pb.environment();
        env.put("PGPASSWORD", password);
        env.put("PGPASSFILE", "/dev/null");
        env.put("PGSERVICEFILE", "/dev/null");
        env.put("PGSSLROOTCERT", "/nonexistent"); // only what a test passes explicitly
        env.put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql hung");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void sslmodeRequireRunsInsideTls13() throws Exception {
        Run r = psql(tls, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=require", "\\conninfo");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("SSL connection (protocol: TLSv1.3"), r.out());
        assertEquals(new Run(0, "1", ""), psql(tls, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=require", "SELECT 1"));
    }

    @Test
    void verifyFullAgainstTheGeneratedCertificate() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            Run r = psql(tls, ProxyFixture.PASSWORD, "host=" + host + " sslmode=verify-full sslrootcert="
                    + rootCert("tls-on"), "SELECT 1");
            assertEquals(new Run(0, "1", ""), r, host);
        }
        // another proxy's certificate is not this one's: the handshake must fail before any password is sent
        Run wrongRoot = psql(tls, ProxyFixture.PASSWORD, "host=localhost sslmode=verify-full sslrootcert="
                + rootCert("cleartext"), "SELECT 1");
        assertEquals(2, wrongRoot.exit(), wrongRoot.toString());
        assertTrue(wrongRoot.err().contains("certificate verify failed"), wrongRoot.err());
    }

    @Test
    void channelBindingRequiredWorksOverTlsAndFailsWithoutIt() throws Exception {
        Run plus = psql(tls, ProxyFixture.PASSWORD, "host=localhost sslmode=verify-full sslrootcert="
                + rootCert("tls-on") + " channel_binding=require", "SELECT 1");
        assertEquals(new Run(0, "1", ""), plus);
        Run noTls = psql(plain, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=prefer channel_binding=require",
                "SELECT 1");
        assertEquals(2, noTls.exit(), noTls.toString());
        assertTrue(noTls.err().contains("channel binding"), noTls.err());
        Run wrongPassword = psql(tls, "wrong password!", "host=127.0.0.1 sslmode=require channel_binding=require",
                "SELECT 1");
        assertEquals(2, wrongPassword.exit());
        assertTrue(wrongPassword.err().endsWith("FATAL:  password authentication failed for user \"alice\""),
                wrongPassword.err());
    }

    @Test
    void cleartextOnlyWhereAllowedAndOnlyInsideTls() throws Exception {
        assertEquals(new Run(0, "1", ""), psql(cleartext, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=require",
                "SELECT 1"));
        Run wrong = psql(cleartext, "wrong password!", "host=127.0.0.1 sslmode=require", "SELECT 1");
        assertTrue(wrong.err().endsWith("FATAL:  password authentication failed for user \"alice\""), wrong.err());
        // a cleartext exchange has no channel binding, so a client that requires it refuses to go on
        Run bound = psql(cleartext, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=require channel_binding=require",
                "SELECT 1");
        assertNotEquals(0, bound.exit());
        assertTrue(bound.err().contains("channel binding required"), bound.err());
        // without TLS the same server runs SCRAM
        assertEquals(new Run(0, "1", ""), psql(cleartext, ProxyFixture.PASSWORD, "host=127.0.0.1 sslmode=disable",
                "SELECT 1"));
    }
}
