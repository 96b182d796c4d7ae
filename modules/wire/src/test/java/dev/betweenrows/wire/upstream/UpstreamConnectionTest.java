package dev.betweenrows.wire.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PasswordHash;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.UpstreamTarget.TlsMode;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upstream client against its own PostgreSQL with md5 and password (cleartext) hba rules. */
class UpstreamConnectionTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static PostgresServer pg;

    @BeforeAll
    static void start() {
        pg = PostgresServer.builder().withTls()
                .hbaForRole("md5user", "md5").hbaForRole("clearuser", "password").start();
        pg.createDatabase("db");
        pg.createRole("md5user", "md5-pw", PasswordHash.MD5);
        pg.createRole("clearuser", "clear-pw");
        pg.createRole("scramuser", "scram-pw");
    }

    @AfterAll
    static void stop() {
        pg.stop();
    }

    static UpstreamTarget target(String user, String password, TlsMode mode) {
        return new UpstreamTarget("127.0.0.1", pg.port(), "db", user, password.toCharArray(), mode, null);
    }

    /** current_user and the read-only default, through a plain simple query. */
    static String ask(UpstreamConnection c, String sql) throws Exception {
        c.send(new Query(sql));
        c.flush();
        String value = null;
        for (RawMessage m = c.read(); m.type() != 'Z'; m = c.read()) {
            if (m.type() == 'D') {
                value = new String(((DataRow) BackendMessages.decode(m)).values().get(0), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    @Test
    void scramMd5AndCleartextInsideTls() throws Exception {
        for (UpstreamTarget t : new UpstreamTarget[] {target("scramuser", "scram-pw", TlsMode.DISABLE),
                target("md5user", "md5-pw", TlsMode.DISABLE), target("clearuser", "clear-pw", TlsMode.REQUIRE)}) {
            try (UpstreamConnection c = UpstreamConnection.open(t, TIMEOUT)) {
                assertEquals(t.username(), ask(c, "SELECT current_user"));
                assertEquals("on", ask(c, "SHOW default_transaction_read_only"));
                assertEquals("public", ask(c, "SHOW search_path"));
                assertEquals("betweenrows", ask(c, "SHOW application_name"));
                assertNotNull(c.backendKey());
            }
        }
    }

    @Test
    void cleartextWithoutTlsIsRefusedAndWrongPasswordFails() {
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> UpstreamConnection.open(target("clearuser", "clear-pw", TlsMode.DISABLE), TIMEOUT));
        assertTrue(e.getMessage().contains("cleartext"), e.getMessage());
        UpstreamException wrong = assertThrows(UpstreamException.class,
                () -> UpstreamConnection.open(target("scramuser", "nope", TlsMode.DISABLE), TIMEOUT));
        assertTrue(wrong.getMessage().contains("28P01"), wrong.getMessage());
    }

    @Test
    void verifyFullChecksTheCertificateAndTheHost() throws Exception {
        String ca = Files.readString(pg.tlsCertificate().orElseThrow());
        UpstreamTarget good = new UpstreamTarget("127.0.0.1", pg.port(), "db", "scramuser", "scram-pw".toCharArray(),
                TlsMode.VERIFY_FULL, ca);
        try (UpstreamConnection c = UpstreamConnection.open(good, TIMEOUT)) {
            assertEquals("on", ask(c, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .replace("true", "on"));
        }
        UpstreamTarget byName = new UpstreamTarget("localhost", pg.port(), "db", "scramuser",
                "scram-pw".toCharArray(), TlsMode.VERIFY_FULL, ca);
        try (UpstreamConnection c = UpstreamConnection.open(byName, TIMEOUT)) {
            assertEquals("scramuser", ask(c, "SELECT current_user"));
        }
        UpstreamTarget defaultCas = new UpstreamTarget("127.0.0.1", pg.port(), "db", "scramuser",
                "scram-pw".toCharArray(), TlsMode.VERIFY_CA, null);
        assertThrows(UpstreamException.class, () -> UpstreamConnection.open(defaultCas, TIMEOUT));
    }

    @Test
    void poolReusesResetSessionsAndDropsBrokenOnes() throws Exception {
        UpstreamTarget t = target("scramuser", "scram-pw", TlsMode.DISABLE);
        try (UpstreamPool pool = new UpstreamPool(1, TIMEOUT)) {
            UpstreamConnection first = pool.acquire("ds", t);
            UpstreamConnection second = pool.acquire("ds", t);
            assertNotSame(first, second);
            String defaultZone = ask(second, "SHOW TimeZone");
            assertTrue(first.runInternal("SET TimeZone = 'Asia/Tokyo'"));
            assertEquals("Asia/Tokyo", ask(first, "SHOW TimeZone"));
            first.send(new Query("BEGIN"));
            first.flush();
            while (first.read().type() != 'Z') { }
            first.status(TransactionStatus.IN_TRANSACTION);
            pool.release("ds", first); // open transaction: rolled back and discarded
            pool.release("ds", second); // beyond maxIdle: closed
            assertEquals(1, pool.idleCount("ds"));
            assertFalse(second.isUsable());
            UpstreamConnection again = pool.acquire("ds", t);
            assertSame(first, again);
            assertEquals(TransactionStatus.IDLE, again.status());
            assertEquals(defaultZone, ask(again, "SHOW TimeZone"));
            again.markBroken();
            pool.release("ds", again);
            assertEquals(0, pool.idleCount("ds"));
        }
    }
}
