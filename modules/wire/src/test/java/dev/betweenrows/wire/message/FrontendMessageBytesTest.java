package dev.betweenrows.wire.message;

import static dev.betweenrows.wire.codec.TestBytes.ascii;
import static dev.betweenrows.wire.codec.TestBytes.b;
import static dev.betweenrows.wire.codec.TestBytes.cat;
import static dev.betweenrows.wire.codec.TestBytes.i16;
import static dev.betweenrows.wire.codec.TestBytes.i32;
import static dev.betweenrows.wire.codec.TestBytes.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.codec.Codecs;
import dev.betweenrows.wire.codec.FrameDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each frontend message against bytes written by hand from the protocol's message-format page. */
class FrontendMessageBytesTest {

    private static void exact(FrontendMessage message, byte[] expected, AuthPhase phase) {
        assertArrayEquals(expected, message.toBytes(), "encode " + message);
        assertEquals(message, Codecs.frontend(expected, phase), "decode");
    }

    private static void exact(FrontendMessage message, byte[] expected) {
        exact(message, expected, AuthPhase.NONE);
    }

    private static void exactStartup(StartupPacket packet, byte[] expected) throws IOException {
        assertArrayEquals(expected, packet.toBytes(), "encode " + packet);
        assertEquals(packet, new FrameDecoder(new ByteArrayInputStream(expected)).readStartupPacket(), "decode");
    }

    @Test
    void startupMessageKeepsParameterOrder() throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "alice");
        params.put("database", "db");
        StartupMessage m = StartupMessage.v3(params);
        exactStartup(m, cat(i32(32), i32(196608), str("user"), str("alice"), str("database"), str("db"), b(0)));
        assertEquals(List.of("user", "database"), List.copyOf(m.parameters().keySet()));
        assertEquals(3, m.majorVersion());
        assertEquals(0, m.minorVersion());
    }

    @Test
    void startupMessageFor32KeepsMinorVersion() throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("_pq_.x", "1");
        params.put("user", "u");
        StartupMessage m = new StartupMessage(196610, params);
        exactStartup(m, cat(i32(25), i32(0x0003_0002), str("_pq_.x"), str("1"), str("user"), str("u"), b(0)));
        assertEquals(2, m.minorVersion());
    }

    @Test
    void negotiationAndCancelPackets() throws IOException {
        exactStartup(SSLRequest.INSTANCE, b(0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F));
        exactStartup(GSSENCRequest.INSTANCE, b(0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x30));
        exactStartup(new CancelRequest(4242, -7),
                cat(b(0, 0, 0, 16, 0x04, 0xD2, 0x16, 0x2E), i32(4242), i32(-7)));
    }

    @Test
    void passwordFamilyDecodesByAuthPhase() {
        exact(new PasswordMessage("pw"), cat(b('p'), i32(7), str("pw")), AuthPhase.PASSWORD);
        exact(new SASLInitialResponse("SCRAM-SHA-256", ascii("n,,n=,r=abc")),
                cat(b('p'), i32(33), str("SCRAM-SHA-256"), i32(11), ascii("n,,n=,r=abc")), AuthPhase.SASL_INITIAL);
        exact(new SASLInitialResponse("SCRAM-SHA-256", null),
                cat(b('p'), i32(22), str("SCRAM-SHA-256"), i32(-1)), AuthPhase.SASL_INITIAL);
        exact(new SASLResponse(ascii("c=biws")), cat(b('p'), i32(10), ascii("c=biws")), AuthPhase.SASL_CONTINUE);
    }

    @Test
    void simpleQuery() {
        exact(new Query("SELECT 1"), cat(b('Q'), i32(13), str("SELECT 1")));
        exact(new Query("select 'é'"), cat(b('Q'), i32(16), ascii("select '"), b(0xC3, 0xA9), str("'")));
    }

    @Test
    void parseWithTypedParameter() {
        exact(new Parse("s1", "select $1", List.of(23)),
                cat(b('P'), i32(23), str("s1"), str("select $1"), i16(1), i32(23)));
        exact(new Parse("", "select 1", List.of()), cat(b('P'), i32(16), str(""), str("select 1"), i16(0)));
    }

    @Test
    void bindWithNullAndBinaryValues() {
        Bind bind = new Bind("", "s1", List.of(1), Arrays.asList(new byte[] {0, 0, 0, 42}, null), List.of(1));
        exact(bind, cat(b('B'), i32(30), str(""), str("s1"), i16(1), i16(1),
                i16(2), i32(4), b(0, 0, 0, 42), i32(-1), i16(1), i16(1)));
        exact(new Bind("C_2", "", List.of(), List.of(), List.of()),
                cat(b('B'), i32(15), str("C_2"), str(""), i16(0), i16(0), i16(0)));
    }

    @Test
    void describeExecuteClose() {
        exact(new Describe(ObjectKind.STATEMENT, "s1"), cat(b('D'), i32(8), b('S'), str("s1")));
        exact(new Describe(ObjectKind.PORTAL, ""), cat(b('D'), i32(6), b('P'), str("")));
        exact(new Execute("", 0), cat(b('E'), i32(9), str(""), i32(0)));
        exact(new Execute("C_2", 1), cat(b('E'), i32(12), str("C_2"), i32(1)));
        exact(new Close(ObjectKind.PORTAL, "c"), cat(b('C'), i32(7), b('P'), str("c")));
        exact(new Close(ObjectKind.STATEMENT, "S_1"), cat(b('C'), i32(9), b('S'), str("S_1")));
    }

    @Test
    void emptyBodiedMessages() {
        exact(Sync.INSTANCE, b('S', 0, 0, 0, 4));
        exact(Flush.INSTANCE, b('H', 0, 0, 0, 4));
        exact(Terminate.INSTANCE, b('X', 0, 0, 0, 4));
        exact(CopyDone.INSTANCE, b('c', 0, 0, 0, 4));
    }

    @Test
    void copyAndFunctionCallDecodeForRefusal() {
        exact(new CopyData(b(1, 2, 3)), cat(b('d'), i32(7), b(1, 2, 3)));
        exact(new CopyFail("no"), cat(b('f'), i32(7), str("no")));
        exact(new FunctionCall(1234, List.of(0), List.of(b(1, 2)), 1),
                cat(b('F'), i32(22), i32(1234), i16(1), i16(0), i16(1), i32(2), b(1, 2), i16(1)));
    }
}
