package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real psql 15 binary against the proxy (libpq's SCRAM, startup and error handling). */
class PsqlTest {
    @TempDir
    static Path dir;
    static ProxyFixture fixture;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        fixture = ProxyFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Run psql(String user, String password, String db, String sslmode, String sql)
            throws IOException, InterruptedException {
        String conninfo = "host=127.0.0.1 port=" + fixture.port() + " user=" + user + " dbname=" + db
                + " sslmode=" + sslmode + " connect_timeout=10";
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-d", conninfo, "-c", sql);
        Map<String, String> env = pb.environment();
        env.put("PGPASSWORD", password);
        env.put("PGPASSFILE", "/dev/null");
        env.put("PGSERVICEFILE", "/dev/null");
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

    @ParameterizedTest
    @ValueSource(strings = {"disable", "prefer", "allow"})
    void selectOneIsAnsweredWithScram(String sslmode) throws Exception {
        Run r = psql("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, sslmode, "SELECT 1");
        assertEquals(new Run(0, "1", ""), r);
    }

    @Test
    void sslRequiredFailsCleanlyWhileTlsIsOff() throws Exception {
        Run r = psql("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "require", "SELECT 1");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("server does not support SSL"), r.err());
    }

    @Test
    void wrongPasswordUnknownUserAndInactiveUserGetTheSameFatal() throws Exception {
        for (List<String> attempt : List.of(List.of("alice", "wrong password!"),
                List.of("nosuchuser", ProxyFixture.PASSWORD), List.of("bob", ProxyFixture.PASSWORD))) {
            Run r = psql(attempt.get(0), attempt.get(1), ProxyFixture.DATABASE, "disable", "SELECT 1");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().endsWith("FATAL:  password authentication failed for user \"" + attempt.get(0) + "\""),
                    r.err());
        }
    }

    @Test
    void unknownDatabaseIsThe3D000Text() throws Exception {
        Run r = psql("alice", ProxyFixture.PASSWORD, "nosuchdb", "prefer", "SELECT 1");
        assertEquals(2, r.exit());
        assertTrue(r.err().endsWith("FATAL:  database \"nosuchdb\" does not exist"), r.err());
        Run wrongPassword = psql("alice", "wrong password!", "nosuchdb", "prefer", "SELECT 1");
        assertTrue(wrongPassword.err().endsWith("password authentication failed for user \"alice\""),
                "authentication comes first, so the database check is no oracle: " + wrongPassword.err());
    }

    @Test
    void refusedAndForwardedStatementsAreErrors() throws Exception {
        Run refused = psql("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "disable", "DROP TABLE t");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("ERROR:  permission denied by test guard"), refused.err());
        assertTrue(refused.err().contains("HINT:  try SELECT 1"), refused.err());
        Run forwarded = psql("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "disable", "SELECT 2");
        assertEquals(1, forwarded.exit());
        assertTrue(forwarded.err().contains("ERROR:  could not connect to the data source"), forwarded.err());
    }

    @Test
    void showAnswersFromTheSession() throws Exception {
        Run r = psql("alice", ProxyFixture.PASSWORD, ProxyFixture.DATABASE, "disable", "SHOW application_name");
        assertEquals(new Run(0, "psql", ""), r);
    }
}
