package dev.betweenrows.wire.codec;

import static dev.betweenrows.wire.codec.TestBytes.b;
import static dev.betweenrows.wire.codec.TestBytes.cat;
import static dev.betweenrows.wire.codec.TestBytes.i16;
import static dev.betweenrows.wire.codec.TestBytes.i32;
import static dev.betweenrows.wire.codec.TestBytes.str;
import static dev.betweenrows.wire.codec.TestBytes.stream;
import static dev.betweenrows.wire.codec.TestBytes.thenForbidden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.ReadyForQuery;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BackendFrameReaderTest {

    private static void refused(String sqlState, Executable action) {
        ProtocolException e = assertThrows(ProtocolException.class, action);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
    }

    private static void decodeRefused(byte[] bytes) {
        refused("08P01", () -> Codecs.backend(bytes));
    }

    @Test
    void rawBytesPassThroughUnchanged() throws IOException {
        byte[] row = cat(b('D'), i32(15), i16(2), i32(1), b('1'), i32(-1));
        byte[] rfq = b('Z', 0, 0, 0, 5, 'I');
        BackendFrameReader reader = new BackendFrameReader(TestBytes.trickle(cat(row, rfq), 1));
        RawMessage first = reader.read();
        assertEquals('D', first.type());
        assertArrayEquals(row, first.bytes());
        WireOutput out = new WireOutput();
        first.writeTo(out);
        assertArrayEquals(row, out.toByteArray());
        assertEquals(ReadyForQuery.IDLE, BackendMessages.decode(reader.read()));
        assertNull(reader.read());
    }

    @Test
    void sizeAndLengthChecks() {
        refused("54000", () -> new BackendFrameReader(thenForbidden(cat(b('D'), i32(1001))), 1000).read());
        refused("08P01", () -> new BackendFrameReader(stream(b('D'), i32(2))).read());
        refused("08P01", () -> new BackendFrameReader(stream(b('D'), i32(10), b(0, 1))).read());
    }

    @Test
    void unexpectedOrMalformedBackendMessagesAre08P01() {
        decodeRefused(cat(b('A'), i32(4)));                                  // NotificationResponse
        decodeRefused(cat(b('G'), i32(4)));                                  // CopyInResponse
        decodeRefused(cat(b('R'), i32(8), i32(7)));                          // GSS authentication
        decodeRefused(cat(b('R'), i32(9), i32(10), b(0)));                   // SASL without mechanisms
        decodeRefused(cat(b('R'), i32(11), i32(5), b(1, 2, 3)));             // md5 salt too short
        decodeRefused(b('Z', 0, 0, 0, 5, 'Q'));                              // unknown transaction status
        decodeRefused(cat(b('E'), i32(12), b('S'), str("ERROR"), b(0)));      // no C, no M
        decodeRefused(cat(b('E'), i32(16), b('S'), str("E"), b('C'), str("bad"), b('M'), str("m"), b(0)));
        decodeRefused(cat(b('1'), i32(5), b(0)));                            // trailing byte
    }

    @Test
    void errorFromOldServerWithoutVGetsVFromS() {
        byte[] bytes = cat(b('E'), i32(23), b('S'), str("FEHLER"), b('C'), str("42P01"), b('M'), str("m"), b(0));
        ErrorResponse e = (ErrorResponse) Codecs.backend(bytes);
        assertEquals("FEHLER", e.severity());
        assertEquals("42P01", e.sqlState());
    }

    @Test
    void sslAnswerAndTlsSwitch() throws IOException {
        BackendFrameReader reader = new BackendFrameReader(stream(b('S')));
        assertEquals('S', reader.readSslResponse());
        reader.startTls(stream(b('Z', 0, 0, 0, 5, 'T')));
        assertEquals(ReadyForQuery.IN_TRANSACTION, BackendMessages.decode(reader.read()));

        BackendFrameReader injected = new BackendFrameReader(stream(b('S', 'Z', 0, 0, 0, 5, 'I')));
        injected.readSslResponse();
        refused("08P01", () -> injected.startTls(stream()));
        refused("08P01", () -> new BackendFrameReader(stream()).readSslResponse());
    }
}
