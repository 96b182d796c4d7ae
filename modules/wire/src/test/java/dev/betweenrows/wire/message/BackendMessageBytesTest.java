package dev.betweenrows.wire.message;

import static dev.betweenrows.wire.codec.TestBytes.ascii;
import static dev.betweenrows.wire.codec.TestBytes.b;
import static dev.betweenrows.wire.codec.TestBytes.cat;
import static dev.betweenrows.wire.codec.TestBytes.i16;
import static dev.betweenrows.wire.codec.TestBytes.i32;
import static dev.betweenrows.wire.codec.TestBytes.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.betweenrows.wire.codec.Codecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each backend message against bytes written by hand from the protocol's message-format page. */
class BackendMessageBytesTest {

    private static void exact(BackendMessage message, byte[] expected) {
        assertArrayEquals(expected, message.toBytes(), "encode " + message);
        assertEquals(message, Codecs.backend(expected), "decode");
    }

    @Test
    void authenticationRequests() {
        exact(AuthenticationOk.INSTANCE, cat(b('R'), i32(8), i32(0)));
        exact(AuthenticationCleartextPassword.INSTANCE, cat(b('R'), i32(8), i32(3)));
        exact(new AuthenticationMD5Password(b(1, 2, 3, 4)), cat(b('R'), i32(12), i32(5), b(1, 2, 3, 4)));
        exact(new AuthenticationSASL(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")),
                cat(b('R'), i32(42), i32(10), str("SCRAM-SHA-256-PLUS"), str("SCRAM-SHA-256"), b(0)));
        exact(new AuthenticationSASLContinue(ascii("r=x")), cat(b('R'), i32(11), i32(11), ascii("r=x")));
        exact(new AuthenticationSASLFinal(ascii("v=y")), cat(b('R'), i32(11), i32(12), ascii("v=y")));
    }

    @Test
    void sessionStartMessages() {
        exact(new ParameterStatus("client_encoding", "UTF8"),
                cat(b('S'), i32(25), str("client_encoding"), str("UTF8")));
        exact(new BackendKeyData(7, 99), cat(b('K'), i32(12), i32(7), i32(99)));
        exact(ReadyForQuery.IDLE, b('Z', 0, 0, 0, 5, 'I'));
        exact(ReadyForQuery.IN_TRANSACTION, b('Z', 0, 0, 0, 5, 'T'));
        exact(ReadyForQuery.FAILED, b('Z', 0, 0, 0, 5, 'E'));
        exact(new NegotiateProtocolVersion(0, List.of("_pq_.x")),
                cat(b('v'), i32(19), i32(0), i32(1), str("_pq_.x")));
    }

    @Test
    void resultMessages() {
        exact(new RowDescription(List.of(RowDescription.Field.text("a", 23, 4))),
                cat(b('T'), i32(26), i16(1), str("a"), i32(0), i16(0), i32(23), i16(4), i32(-1), i16(0)));
        exact(new RowDescription(List.of(new RowDescription.Field("n", 16392, 2, 1043, -1, 36, 1))),
                cat(b('T'), i32(26), i16(1), str("n"), i32(16392), i16(2), i32(1043), i16(-1), i32(36), i16(1)));
        exact(DataRow.ofText("1", null), cat(b('D'), i32(15), i16(2), i32(1), ascii("1"), i32(-1)));
        exact(DataRow.ofText(""), cat(b('D'), i32(10), i16(1), i32(0)));
        exact(new CommandComplete("SELECT 1"), cat(b('C'), i32(13), str("SELECT 1")));
        exact(EmptyQueryResponse.INSTANCE, b('I', 0, 0, 0, 4));
    }

    @Test
    void extendedQueryAcknowledgements() {
        exact(ParseComplete.INSTANCE, b('1', 0, 0, 0, 4));
        exact(BindComplete.INSTANCE, b('2', 0, 0, 0, 4));
        exact(CloseComplete.INSTANCE, b('3', 0, 0, 0, 4));
        exact(NoData.INSTANCE, b('n', 0, 0, 0, 4));
        exact(PortalSuspended.INSTANCE, b('s', 0, 0, 0, 4));
        exact(new ParameterDescription(List.of(23, 25)), cat(b('t'), i32(14), i16(2), i32(23), i32(25)));
    }

    @Test
    void errorAndNoticeCarrySeverityTwiceCodeAndMessage() {
        byte[] fields = cat(b('S'), str("ERROR"), b('V'), str("ERROR"), b('C'), str("42P01"), b('M'), str("x"), b(0));
        exact(ErrorResponse.error("ERROR", "42P01", "x"), cat(b('E'), i32(29), fields));
        exact(NoticeResponse.notice("ERROR", "42P01", "x"), cat(b('N'), i32(29), fields));
        ErrorResponse withHint = ErrorResponse.error("FATAL", "28P01", "m").with(ErrorFields.HINT, "h");
        exact(withHint, cat(b('E'), i32(32), b('S'), str("FATAL"), b('V'), str("FATAL"), b('C'), str("28P01"),
                b('M'), str("m"), b('H'), str("h"), b(0)));
    }
}
