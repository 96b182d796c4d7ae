package dev.betweenrows.wire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.betweenrows.wire.message.*;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random but valid messages of every kind, encoded back to back into one stream, served to the decoder in
 * random small pieces, must decode to equal records (and, upstream, to the very same raw bytes).
 */
class RoundTripPropertyTest {
    private static final int MESSAGES = 3_000;

    private final Random random = new Random(20_240_601L);

    record Sent(FrontendMessage message, AuthPhase phase) {}

    @Test
    void frontendMessagesSurviveEncodeFrameDecode() throws IOException {
        List<Supplier<Sent>> kinds = List.of(
                () -> plain(new Query(text())),
                () -> plain(new Parse(text(), text(), ints(8))),
                () -> plain(new Bind(text(), text(), formats(), values(), formats())),
                () -> plain(new Describe(kind(), text())),
                () -> plain(new Close(kind(), text())),
                () -> plain(new Execute(text(), random.nextInt())),
                () -> plain(Sync.INSTANCE),
                () -> plain(Flush.INSTANCE),
                () -> plain(new CopyData(bytes())),
                () -> plain(CopyDone.INSTANCE),
                () -> plain(new CopyFail(text())),
                () -> plain(new FunctionCall(random.nextInt(), formats(), values(), random.nextInt(2))),
                () -> new Sent(new PasswordMessage(text()), AuthPhase.PASSWORD),
                () -> new Sent(new SASLInitialResponse(text(), random.nextBoolean() ? null : bytes()),
                        AuthPhase.SASL_INITIAL),
                () -> new Sent(new SASLResponse(bytes()), AuthPhase.SASL_CONTINUE));
        List<Sent> sent = new ArrayList<>();
        WireOutput out = new WireOutput();
        StartupMessage startup = new StartupMessage(StartupMessage.PROTOCOL_3_0 | random.nextInt(3), params());
        startup.encode(out);
        for (int i = 0; i < MESSAGES; i++) {
            Sent s = kinds.get(random.nextInt(kinds.size())).get();
            s.message().encode(out);
            sent.add(s);
        }
        FrameDecoder decoder = new FrameDecoder(TestBytes.trickle(out.toByteArray(), random.nextLong()));
        assertEquals(startup, decoder.readStartupPacket());
        for (Sent s : sent) {
            assertEquals(s.message(), FrontendMessages.decode(decoder.readFrame(), s.phase()));
        }
        assertNull(decoder.readFrame());
    }

    @Test
    void backendMessagesSurviveEncodeFrameDecode() throws IOException {
        List<Supplier<BackendMessage>> kinds = List.of(
                () -> AuthenticationOk.INSTANCE,
                () -> AuthenticationCleartextPassword.INSTANCE,
                () -> new AuthenticationMD5Password(fixedBytes(4)),
                () -> new AuthenticationSASL(List.of("SCRAM-SHA-256-PLUS", nonEmptyText())),
                () -> new AuthenticationSASLContinue(bytes()),
                () -> new AuthenticationSASLFinal(bytes()),
                () -> new ParameterStatus(text(), text()),
                () -> new BackendKeyData(random.nextInt(), random.nextInt()),
                () -> ReadyForQuery.of(TransactionStatus.values()[random.nextInt(3)]),
                () -> new RowDescription(fields()),
                () -> new DataRow(values()),
                () -> new CommandComplete(text()),
                () -> EmptyQueryResponse.INSTANCE,
                () -> error(),
                () -> new NoticeResponse(error().fields()),
                () -> ParseComplete.INSTANCE,
                () -> BindComplete.INSTANCE,
                () -> CloseComplete.INSTANCE,
                () -> NoData.INSTANCE,
                () -> new ParameterDescription(ints(10)),
                () -> PortalSuspended.INSTANCE,
                () -> new NegotiateProtocolVersion(random.nextInt(3), List.of("_pq_." + nonEmptyText())));
        List<BackendMessage> sent = new ArrayList<>();
        WireOutput out = new WireOutput();
        for (int i = 0; i < MESSAGES; i++) {
            BackendMessage m = kinds.get(random.nextInt(kinds.size())).get();
            m.encode(out);
            sent.add(m);
        }
        BackendFrameReader reader = new BackendFrameReader(TestBytes.trickle(out.toByteArray(), random.nextLong()));
        for (BackendMessage m : sent) {
            RawMessage raw = reader.read();
            assertArrayEquals(m.toBytes(), raw.bytes());
            assertEquals(m, BackendMessages.decode(raw));
        }
        assertNull(reader.read());
    }

    private static Sent plain(FrontendMessage m) {
        return new Sent(m, AuthPhase.NONE);
    }

    /** Any valid text without NUL: ASCII, accents, CJK and astral code points. */
    private String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> 1 + random.nextInt(0x7F);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x1F300 + random.nextInt(0x300);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private String nonEmptyText() {
        return "m" + text();
    }

    private byte[] bytes() {
        return fixedBytes(random.nextInt(40));
    }

    private byte[] fixedBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private List<Integer> ints(int max) {
        List<Integer> list = new ArrayList<>();
        for (int i = random.nextInt(max); i > 0; i--) {
            list.add(random.nextInt());
        }
        return list;
    }

    private List<Integer> formats() {
        List<Integer> list = new ArrayList<>();
        for (int i = random.nextInt(2); i > 0; i--) {
            list.add(random.nextInt(2));
        }
        return list;
    }

    private List<byte[]> values() {
        List<byte[]> list = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            list.add(random.nextInt(4) == 0 ? null : bytes());
        }
        return list;
    }

    private ObjectKind kind() {
        return ObjectKind.values()[random.nextInt(2)];
    }

    private Map<String, String> params() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            map.put(nonEmptyText() + i, text());
        }
        return map;
    }

    private List<RowDescription.Field> fields() {
        List<RowDescription.Field> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            list.add(new RowDescription.Field(text(), random.nextInt(), random.nextInt(1 << 15),
                    random.nextInt(), (short) random.nextInt(), random.nextInt(), random.nextInt(2)));
        }
        return list;
    }

    private ErrorResponse error() {
        String sqlState = "" + "0123456789ABCDEFPXZ".charAt(random.nextInt(19)) + random.nextInt(10)
                + "P0" + random.nextInt(10);
        ErrorResponse e = ErrorResponse.error(random.nextBoolean() ? "ERROR" : "FATAL", sqlState, text());
        return random.nextBoolean() ? e.with(ErrorFields.DETAIL, text()).with(ErrorFields.POSITION, "7") : e;
    }
}
