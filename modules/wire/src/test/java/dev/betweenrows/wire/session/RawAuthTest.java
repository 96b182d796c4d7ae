package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SASL exchange over raw sockets: what a client that is not a real driver sees. */
class RawAuthTest {
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

    @Test
    void garbageDuringAuthenticationIsFatal() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
            assertInstanceOf(AuthenticationSASL.class, c.read());
            c.send(new Query("SELECT 1")); // not a password message
            assertEquals("08P01", RawProtocolTest.fatalThenClose(c).sqlState());
        }
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
            assertInstanceOf(AuthenticationSASL.class, c.read());
            c.send(new SASLInitialResponse("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,n=,r=abc".getBytes()));
            assertEquals("08P01", RawProtocolTest.fatalThenClose(c).sqlState());
        }
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
            assertInstanceOf(AuthenticationSASL.class, c.read());
            c.send(new SASLInitialResponse("SCRAM-SHA-256", "p=tls-server-end-point,,n=,r=abc".getBytes()));
            assertEquals("08P01", RawProtocolTest.fatalThenClose(c).sqlState());
        }
    }

    @Test
    void unknownUsersSeeAStableSaltLikeRealOnes() throws IOException {
        assertEquals(saltFor("nobody"), saltFor("nobody"));
        assertNotEquals(saltFor("nobody"), saltFor("nobody2"));
        assertEquals(saltFor("alice"), saltFor("alice"));
        assertEquals(saltFor("alice").length(), saltFor("nobody").length());
    }

    private static String saltFor(String user) throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", user, "database", "testdb")));
            assertEquals(new AuthenticationSASL(List.of("SCRAM-SHA-256")), c.read());
            c.send(new SASLInitialResponse("SCRAM-SHA-256", "n,,n=,r=clientnonce".getBytes()));
            String serverFirst = new String(((AuthenticationSASLContinue) c.read()).data(), StandardCharsets.US_ASCII);
            assertTrue(serverFirst.startsWith("r=clientnonce"), serverFirst);
            assertTrue(serverFirst.endsWith(",i=4096"), serverFirst);
            return serverFirst.replaceAll(".*,s=([^,]*),.*", "$1");
        }
    }


    @Test
    void wrongPasswordGetsNoServerSignatureOnlyTheFatal() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
            List<dev.betweenrows.wire.message.BackendMessage> after = c.scram("not the password");
            assertEquals(1, after.size(), after.toString());
            dev.betweenrows.wire.message.ErrorResponse e = (dev.betweenrows.wire.message.ErrorResponse) after.getFirst();
            assertEquals("FATAL", e.severity());
            assertEquals("28P01", e.sqlState());
            assertEquals("password authentication failed for user \"alice\"", e.message());
            assertTrue(c.closedByServer());
        }
    }
}
