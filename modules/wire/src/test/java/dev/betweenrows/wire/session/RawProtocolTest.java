package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.message.AuthenticationOk;
import dev.betweenrows.wire.message.BackendKeyData;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.CancelRequest;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.EmptyQueryResponse;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.GSSENCRequest;
import dev.betweenrows.wire.message.NegotiateProtocolVersion;
import dev.betweenrows.wire.message.ParameterStatus;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.RowDescription;
import dev.betweenrows.wire.message.SSLRequest;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.Sync;
import dev.betweenrows.wire.message.Terminate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact protocol behaviour over raw sockets. Every test keeps a second, well-behaved session open and
 * checks afterwards that it still answers: bad input closes only the connection it came on.
 */
class RawProtocolTest {
    @TempDir
    static Path dir;
    static ProxyFixture fixture;
    RawClient bystander;

    @BeforeAll
    static void start() {
        fixture = ProxyFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void openBystander() throws IOException {
        bystander = RawClient.loggedIn(fixture.port());
    }

    @AfterEach
    void bystanderStillWorks() throws IOException {
        assertSelectOne(bystander);
        bystander.close();
    }

    static void assertSelectOne(RawClient c) throws IOException {
        c.send(new Query("SELECT 1"));
        List<BackendMessage> got = c.readUntilReady();
        assertEquals(List.of(new RowDescription(List.of(RowDescription.Field.text("?column?", 23, 4))),
                DataRow.ofText("1"), new CommandComplete("SELECT 1"), ReadyForQuery.IDLE), got);
    }

    /** Reads the FATAL the proxy sends and checks the connection is closed right after it. */
    static ErrorResponse fatalThenClose(RawClient c) throws IOException {
        BackendMessage m = c.read();
        ErrorResponse e = assertInstanceOf(ErrorResponse.class, m);
        assertEquals("FATAL", e.severity());
        assertTrue(c.closedByServer(), "connection must close after a FATAL");
        return e;
    }

    static byte[] startupBytes(int version, Map<String, byte[]> params) {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        b.putInt(0).putInt(version);
        params.forEach((k, v) -> b.put(k.getBytes(StandardCharsets.UTF_8)).put((byte) 0).put(v).put((byte) 0));
        b.put((byte) 0);
        b.putInt(0, b.position());
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void greetingHasTheThirteenParametersKeyDataAndIdle() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb", "application_name", "raw")));
            List<BackendMessage> got = c.scram(ProxyFixture.PASSWORD);
            assertInstanceOf(AuthenticationOk.class, got.get(1));
            Map<String, String> params = new LinkedHashMap<>();
            got.stream().filter(m -> m instanceof ParameterStatus).map(ParameterStatus.class::cast)
                    .forEach(p -> params.put(p.name(), p.value()));
            assertEquals(List.of("application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
                    "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding",
                    "server_version", "session_authorization", "standard_conforming_strings", "TimeZone"),
                    List.copyOf(params.keySet()));
            assertEquals("raw", params.get("application_name"));
            assertEquals("off", params.get("is_superuser"));
            assertEquals("15.18", params.get("server_version"));
            assertEquals("alice", params.get("session_authorization"));
            assertInstanceOf(BackendKeyData.class, got.get(got.size() - 2));
            assertEquals(ReadyForQuery.IDLE, got.getLast());
            assertSelectOne(c);
        }
    }

    @Test
    void sslAndGssRequestsGetNAndTheSameSocketContinues() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(SSLRequest.INSTANCE);
            assertEquals('N', c.readByte());
            c.send(GSSENCRequest.INSTANCE);
            assertEquals('N', c.readByte());
            c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
            assertEquals(ReadyForQuery.IDLE, c.scram(ProxyFixture.PASSWORD).getLast());
            assertSelectOne(c);
        }
    }

    @Test
    void newerMinorVersionAndPqOptionsAreNegotiatedDown() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.sendBytes(startupBytes((3 << 16) | 2, Map.of("user", "alice".getBytes(StandardCharsets.UTF_8),
                    "database", "testdb".getBytes(StandardCharsets.UTF_8), "_pq_.magic", new byte[] {'1'})));
            assertEquals(new NegotiateProtocolVersion(0, List.of("_pq_.magic")), c.read());
            assertEquals(ReadyForQuery.IDLE, c.scram(ProxyFixture.PASSWORD).getLast());
        }
    }

    @Test
    void unsupportedMajorVersionIsFatal() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.sendBytes(startupBytes(4 << 16, Map.of("user", "alice".getBytes(StandardCharsets.UTF_8))));
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void startupParametersThatChangeTheSessionAreRefused() throws IOException {
        for (Map<String, String> params : List.of(Map.of("options", "-c search_path=secret"),
                Map.of("options", "--search_path=x"), Map.of("replication", "database"),
                Map.of("search_path", "secret"), Map.of("role", "admin"))) {
            Map<String, String> all = new LinkedHashMap<>(Map.of("user", "alice", "database", "testdb"));
            all.putAll(params);
            try (RawClient c = new RawClient(fixture.port())) {
                c.send(StartupMessage.v3(all));
                assertEquals("42501", fatalThenClose(c).sqlState(), params.toString());
            }
        }
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("user", "alice", "client_encoding", "LATIN1")));
            assertEquals("22023", fatalThenClose(c).sqlState());
        }
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(StartupMessage.v3(Map.of("database", "testdb")));
            assertEquals("28000", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void truncatedStartupPacketIsAProtocolViolation() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            byte[] full = StartupMessage.v3(Map.of("user", "alice")).toBytes();
            c.sendBytes(java.util.Arrays.copyOf(full, full.length - 5));
            c.socket.shutdownOutput();
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void oversizedStartupPacketIsRefusedBeforeItIsRead() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            byte[] big = new byte[11_000];
            java.util.Arrays.fill(big, (byte) 'a');
            c.sendBytes(startupBytes(3 << 16, Map.of("user", "alice".getBytes(StandardCharsets.UTF_8),
                    "application_name", big)));
            assertEquals("54000", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void invalidUtf8InStartupAndQueryIs22021() throws IOException {
        try (RawClient c = new RawClient(fixture.port())) {
            c.sendBytes(startupBytes(3 << 16, Map.of("user", new byte[] {'a', (byte) 0xC3, (byte) 0x28})));
            assertEquals("22021", fatalThenClose(c).sqlState());
        }
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.sendBytes(new byte[] {'Q', 0, 0, 0, 8, 'a', (byte) 0xFF, 'b', 0});
            assertEquals("22021", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void garbageTypeByteAndHugeLengthCloseOnlyThatConnection() throws IOException {
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.sendBytes(new byte[] {'!', 0, 0, 0, 4});
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.sendBytes(new byte[] {'Q', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertEquals("54000", fatalThenClose(c).sqlState());
        }
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.sendBytes(new byte[] {'Q', 0, 0, 0, 2}); // a length below its own size
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.sendBytes(new byte[] {'p', 0, 0, 0, 9, 'x', 'y', 'z', 'w', 0}); // a password after login
            assertEquals("08P01", fatalThenClose(c).sqlState());
        }
    }

    @Test
    void extendedProtocolGets0A000OnceThenSkipsToSync() throws IOException {
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.send(new Parse("", "SELECT 1", List.of()));
            c.send(new Bind("", "", List.of(), List.of(), List.of()));
            c.send(new Execute("", 0));
            c.send(Sync.INSTANCE);
            List<BackendMessage> got = c.readUntilReady();
            assertEquals(2, got.size(), got.toString());
            assertEquals("0A000", ((ErrorResponse) got.getFirst()).sqlState());
            assertEquals(ReadyForQuery.IDLE, got.getLast());
            assertSelectOne(c);
        }
    }

    @Test
    void emptyQueryCancelAndTerminate() throws IOException {
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.send(new Query("  "));
            assertEquals(List.of(EmptyQueryResponse.INSTANCE, ReadyForQuery.IDLE), c.readUntilReady());
            c.send(new Query("SET application_name = 'it''s raw'"));
            assertEquals(List.of(new ParameterStatus("application_name", "it's raw"), new CommandComplete("SET"),
                    ReadyForQuery.IDLE), c.readUntilReady());
            c.send(Terminate.INSTANCE);
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(fixture.port())) {
            c.send(new CancelRequest(12345, 678));
            assertTrue(c.closedByServer(), "a cancel request gets no answer, only a close");
        }
    }

    @Test
    void refusalCarriesFieldsAndReadyForQueryFollows() throws IOException {
        try (RawClient c = RawClient.loggedIn(fixture.port())) {
            c.send(new Query("SELECT secret FROM t"));
            List<BackendMessage> got = c.readUntilReady();
            ErrorResponse e = (ErrorResponse) got.getFirst();
            assertEquals(List.of('S', 'V', 'C', 'M', 'H', 'P'), List.copyOf(e.fields().keySet()));
            assertEquals("ERROR", e.severity());
            assertEquals("42501", e.sqlState());
            assertEquals(ReadyForQuery.IDLE, got.get(1));
        }
    }
}
