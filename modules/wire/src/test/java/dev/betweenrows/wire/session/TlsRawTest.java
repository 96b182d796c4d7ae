package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import dev.betweenrows.wire.TlsOptions;
import dev.betweenrows.wire.message.AuthenticationCleartextPassword;
import dev.betweenrows.wire.message.AuthenticationOk;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.PasswordMessage;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import dev.betweenrows.wire.message.SSLRequest;
import dev.betweenrows.wire.message.StartupMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS negotiation, SCRAM-SHA-256-PLUS and cleartext-over-TLS at the byte level. */
class TlsRawTest {
    @TempDir
    static Path dir;
    static ProxyFixture tls;
    static ProxyFixture plain;
    static ProxyFixture cleartext;

    @BeforeAll
    static void start() throws Exception {
        tls = ProxyFixture.start(Files.createDirectory(dir.resolve("on")), tlsOptions(dir.resolve("on"), false));
        plain = ProxyFixture.start(Files.createDirectory(dir.resolve("off")));
        cleartext = ProxyFixture.start(Files.createDirectory(dir.resolve("clear")), tlsOptions(dir.resolve("clear"), true));
    }

    static dev.betweenrows.wire.ProxyOptions tlsOptions(Path dataDir, boolean cleartextOverTls) {
        return ProxyFixture.options(20, Duration.ZERO, Duration.ofSeconds(60))
                .withTls(TlsOptions.selfSigned(dataDir).withCleartextOverTls(cleartextOverTls));
    }

    @AfterAll
    static void stop() {
        for (ProxyFixture f : List.of(tls, plain, cleartext)) {
            f.close();
        }
    }

    static Path cert(String name) {
        return dir.resolve(name).resolve("tls/server.crt");
    }

    static ErrorResponse fatalThenClose(TlsClient c) throws Exception {
        ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
        assertEquals("FATAL", e.severity());
        assertTrue(c.closedByServer(), "connection must close after a FATAL");
        return e;
    }

    static ScramClient scram(String password, byte[] binding) {
        var b = ScramClient.builder().advertisedMechanisms(binding == null ? List.of("SCRAM-SHA-256")
                        : List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"))
                .username("*").password(password.toCharArray());
        if (binding != null) {
            b = b.channelBinding("tls-server-end-point", binding);
        }
        return b.stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
    }

    static List<BackendMessage> untilReadyOrEnd(TlsClient c) throws Exception {
        List<BackendMessage> got = new ArrayList<>();
        for (BackendMessage m = c.read(); m != null; m = c.read()) {
            got.add(m);
            if (m instanceof ReadyForQuery || m instanceof ErrorResponse) {
                break;
            }
        }
        return got;
    }

    /** StartupMessage, then SCRAM with the given client-first; returns what follows the client-final. */
    static List<BackendMessage> login(TlsClient c, ScramClient client, String mechanism, String clientFirst)
            throws Exception {
        c.send(StartupMessage.v3(Map.of("user", "alice", "database", ProxyFixture.DATABASE)));
        AuthenticationSASL sasl = assertInstanceOf(AuthenticationSASL.class, c.read());
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), sasl.mechanisms());
        c.send(new SASLInitialResponse(mechanism, clientFirst.getBytes(StandardCharsets.UTF_8)));
        BackendMessage next = c.read();
        if (next instanceof ErrorResponse) {
            return List.of(next);
        }
        client.serverFirstMessage(new String(((AuthenticationSASLContinue) next).data(), StandardCharsets.UTF_8));
        c.send(new SASLResponse(client.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8)));
        return untilReadyOrEnd(c);
    }

    @Test
    void plaintextSentAfterSslRequestIsRefusedBeforeTheHandshake() throws Exception {
        try (RawClient c = new RawClient(tls.port())) {
            byte[] ssl = SSLRequest.INSTANCE.toBytes();
            byte[] startup = StartupMessage.v3(Map.of("user", "alice", "database", "testdb")).toBytes();
            byte[] both = new byte[ssl.length + startup.length];
            System.arraycopy(ssl, 0, both, 0, ssl.length);
            System.arraycopy(startup, 0, both, ssl.length, startup.length);
            c.sendBytes(both); // one write: the injected StartupMessage arrives with the SSLRequest
            assertEquals('S', c.readByte());
            ErrorResponse e = RawProtocolTest.fatalThenClose(c);
            assertEquals("08P01", e.sqlState());
            assertEquals("received unencrypted data after SSL request", e.message());
        }
    }

    @Test
    void tlsOffAnswersNAndTheSameSocketContinuesInPlaintext() throws Exception {
        try (RawClient c = new RawClient(plain.port())) {
            c.sendBytes(SSLRequest.INSTANCE.toBytes());
            assertEquals('N', c.readByte());
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", ProxyFixture.DATABASE)));
            assertInstanceOf(ReadyForQuery.class, c.scram(ProxyFixture.PASSWORD).getLast());
        }
    }

    @Test
    void scramPlusWithTheRightBindingLogsIn() throws Exception {
        try (TlsClient c = TlsClient.connect(tls.port(), cert("on"))) {
            ScramClient client = scram(ProxyFixture.PASSWORD, c.serverEndPoint());
            String first = client.clientFirstMessage().toString();
            assertTrue(first.startsWith("p=tls-server-end-point,,"), first);
            List<BackendMessage> rest = login(c, client, "SCRAM-SHA-256-PLUS", first);
            AuthenticationSASLFinal fin = assertInstanceOf(AuthenticationSASLFinal.class, rest.getFirst());
            client.serverFinalMessage(new String(fin.data(), StandardCharsets.UTF_8)); // verifies the server signature
            assertInstanceOf(AuthenticationOk.class, rest.get(1));
            assertInstanceOf(ReadyForQuery.class, rest.getLast());
        }
    }

    @Test
    void scramPlusWithAnotherCertificatesBindingIsRefused() throws Exception {
        try (TlsClient c = TlsClient.connect(tls.port(), cert("on"))) {
            byte[] wrong = c.serverEndPoint();
            wrong[0] ^= 1; // what a client sees behind a TLS-terminating man in the middle
            ScramClient client = scram(ProxyFixture.PASSWORD, wrong);
            List<BackendMessage> rest = login(c, client, "SCRAM-SHA-256-PLUS", client.clientFirstMessage().toString());
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, rest.getLast());
            assertEquals("08P01", e.sqlState());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void aClientClaimingTheServerHasNoBindingIsADowngrade() throws Exception {
        try (TlsClient c = TlsClient.connect(tls.port(), cert("on"))) {
            List<BackendMessage> rest = login(c, scram("x", null), "SCRAM-SHA-256", "y,,n=,r=abcdefgh");
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, rest.getLast());
            assertEquals("28000", e.sqlState());
            assertEquals("SCRAM channel binding negotiation error", e.message());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void plainScramInsideTlsStillWorks() throws Exception {
        try (TlsClient c = TlsClient.connect(tls.port(), cert("on"))) {
            ScramClient client = scram(ProxyFixture.PASSWORD, null);
            List<BackendMessage> rest = login(c, client, "SCRAM-SHA-256", client.clientFirstMessage().toString());
            assertInstanceOf(ReadyForQuery.class, rest.getLast());
        }
    }

    @Test
    void cleartextIsAskedForOnlyInsideTlsAndOnlyWhenAllowed() throws Exception {
        try (RawClient c = new RawClient(cleartext.port())) { // plaintext: SCRAM, and no -PLUS
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", ProxyFixture.DATABASE)));
            assertEquals(List.of("SCRAM-SHA-256"), assertInstanceOf(AuthenticationSASL.class, c.read()).mechanisms());
        }
        for (List<String> attempt : List.of(List.of("alice", ProxyFixture.PASSWORD), List.of("alice", "wrong pw"),
                List.of("bob", ProxyFixture.PASSWORD), List.of("nobody", ProxyFixture.PASSWORD))) {
            try (TlsClient c = TlsClient.connect(cleartext.port(), cert("clear"))) {
                c.send(StartupMessage.v3(Map.of("user", attempt.get(0), "database", ProxyFixture.DATABASE)));
                assertInstanceOf(AuthenticationCleartextPassword.class, c.read());
                c.send(new PasswordMessage(attempt.get(1)));
                List<BackendMessage> rest = untilReadyOrEnd(c);
                if (attempt.get(0).equals("alice") && attempt.get(1).equals(ProxyFixture.PASSWORD)) {
                    assertInstanceOf(AuthenticationOk.class, rest.getFirst());
                    assertInstanceOf(ReadyForQuery.class, rest.getLast());
                } else { // wrong password, inactive and unknown users: one answer
                    ErrorResponse e = assertInstanceOf(ErrorResponse.class, rest.getFirst());
                    assertEquals(1, rest.size());
                    assertEquals("28P01", e.sqlState());
                    assertEquals("password authentication failed for user \"" + attempt.get(0) + "\"", e.message());
                }
            }
        }
    }

    @Test
    void aSecondSslRequestInsideTlsIsAProtocolViolation() throws Exception {
        try (TlsClient c = TlsClient.connect(tls.port(), cert("on"))) {
            c.socket.getOutputStream().write(SSLRequest.INSTANCE.toBytes());
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void theGeneratedCertificateSurvivesARestart() throws Exception {
        Path data = Files.createDirectory(dir.resolve("restart"));
        byte[] before;
        try (ProxyFixture first = ProxyFixture.start(data, tlsOptions(data, false));
             TlsClient c = TlsClient.connect(first.port(), data.resolve("tls/server.crt"))) {
            before = c.socket.getSession().getPeerCertificates()[0].getEncoded();
        }
        byte[] file = Files.readAllBytes(data.resolve("tls/server.crt"));
        try (ProxyFixture second = ProxyFixture.start(data, tlsOptions(data, false));
             TlsClient c = TlsClient.connect(second.port(), data.resolve("tls/server.crt"))) {
            assertArrayEquals(before, c.socket.getSession().getPeerCertificates()[0].getEncoded());
        }
        assertArrayEquals(file, Files.readAllBytes(data.resolve("tls/server.crt")), "not rewritten");
    }
}
