package dev.betweenrows.wire.codec;

import static dev.betweenrows.wire.codec.TestBytes.b;
import static dev.betweenrows.wire.codec.TestBytes.cat;
import static dev.betweenrows.wire.codec.TestBytes.i16;
import static dev.betweenrows.wire.codec.TestBytes.i32;
import static dev.betweenrows.wire.codec.TestBytes.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.wire.message.Terminate;
import org.junit.jupiter.api.Test;

/** Malformed message bodies: each must fail with the SQLSTATE PostgreSQL would use. */
class FrontendMessagesTest {

    private static void refused(String sqlState, byte[] frameBytes, AuthPhase phase) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Codecs.frontend(frameBytes, phase));
        assertEquals(sqlState, e.sqlState(), e.getMessage());
    }

    private static void refused(String sqlState, byte[] frameBytes) {
        refused(sqlState, frameBytes, AuthPhase.NONE);
    }

    @Test
    void invalidUtf8IsCharacterNotInRepertoire() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Codecs.frontend(cat(b('Q'), i32(8), b('a', 0xC3, 0x28, 0)), AuthPhase.NONE));
        assertEquals("22021", e.sqlState());
        assertEquals("invalid byte sequence for encoding \"UTF8\": 0xc3", e.getMessage());
        refused("22021", cat(b('Q'), i32(8), b(0xED, 0xA0, 0x80, 0)));       // UTF-8 encoded surrogate
        refused("22021", cat(b('Q'), i32(7), b(0xC0, 0x80, 0)));             // overlong NUL
        refused("22021", cat(b('P'), i32(9), str(""), b(0xFF, 0), i16(0))); // in Parse's SQL
    }

    @Test
    void stringWithoutTerminatorIs08P01() {
        refused("08P01", cat(b('Q'), i32(12), b('S', 'E', 'L', 'E', 'C', 'T', ' ', '1')));
    }

    @Test
    void trailingBytesAre08P01() {
        refused("08P01", cat(b('Q'), i32(9), str("abc"), b(1)));
        refused("08P01", cat(b('S'), i32(5), b(0)));
        refused("08P01", cat(b('E'), i32(10), str(""), i32(0), b(0)));
    }

    @Test
    void missingFieldsAre08P01() {
        refused("08P01", cat(b('E'), i32(7), str(""), b(0, 0)));           // maxRows cut short
        refused("08P01", cat(b('P'), i32(13), str(""), str("x"), i16(2), i32(23))); // 2 OIDs announced, 1 sent
    }

    @Test
    void badBindsAre08P01() {
        // two parameter formats for one parameter
        refused("08P01", cat(b('B'), i32(20), str(""), str(""), i16(2), i16(0), i16(1), i16(1), i32(-1), i16(0)));
        // value length -2
        refused("08P01", cat(b('B'), i32(16), str(""), str(""), i16(0), i16(1), i32(-2), i16(0)));
        // value longer than the message
        refused("08P01", cat(b('B'), i32(17), str(""), str(""), i16(0), i16(1), i32(1000), b(1), i16(0)));
    }

    @Test
    void unknownDescribeAndCloseSubtypesAre08P01() {
        refused("08P01", cat(b('D'), i32(6), b('X'), str("")));
        refused("08P01", cat(b('C'), i32(6), b('s'), str("")));
    }

    @Test
    void passwordMessagesOnlyDuringAuthentication() {
        refused("08P01", cat(b('p'), i32(7), str("pw")), AuthPhase.NONE);
        refused("08P01", cat(b('Q'), i32(6), str("x")), AuthPhase.PASSWORD);
        refused("08P01", cat(b('S'), i32(4)), AuthPhase.SASL_CONTINUE);
        assertEquals(Terminate.INSTANCE, Codecs.frontend(b('X', 0, 0, 0, 4), AuthPhase.SASL_INITIAL));
        refused("08P01", cat(b('p'), i32(22), str("SCRAM-SHA-256"), i32(5)), AuthPhase.SASL_INITIAL); // short
    }

    @Test
    void exceptionBecomesAFatalErrorResponse() {
        var error = ProtocolException.violation("invalid message format").toErrorResponse();
        assertEquals("FATAL", error.severity());
        assertEquals("FATAL", error.field('S'));
        assertEquals("08P01", error.sqlState());
        assertEquals("invalid message format", error.message());
    }
}
