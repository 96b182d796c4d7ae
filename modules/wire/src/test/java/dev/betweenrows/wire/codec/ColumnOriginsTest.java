package dev.betweenrows.wire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.wire.message.RowDescription;
import dev.betweenrows.wire.message.RowDescription.Field;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnOriginsTest {
    private static RawMessage raw(RowDescription d) {
        return new RawMessage(d.toBytes());
    }

    @Test
    void zeroesTableOidAndAttnumAndKeepsEverythingElse() {
        RowDescription upstream = new RowDescription(List.of(
                new Field("id", 16_384, 1, 23, 4, -1, 0),
                new Field("naïve name", 16_384, 7, 1043, -1, 36, 1),
                new Field("", 99_999, -3, 25, -1, -1, 0)));
        RawMessage hidden = ColumnOrigins.hidden(raw(upstream));
        assertEquals(raw(upstream).bytes().length, hidden.bytes().length);
        assertEquals(new RowDescription(List.of(
                new Field("id", 0, 0, 23, 4, -1, 0),
                new Field("naïve name", 0, 0, 1043, -1, 36, 1),
                new Field("", 0, 0, 25, -1, -1, 0))), BackendMessages.decode(hidden));
    }

    @Test
    void leavesTheUpstreamMessageUntouchedAndHandlesNoColumns() {
        RawMessage original = raw(new RowDescription(List.of(new Field("a", 5, 2, 23, 4, -1, 0))));
        byte[] before = original.bytes().clone();
        ColumnOrigins.hidden(original);
        assertEquals(Arrays.toString(before), Arrays.toString(original.bytes()));
        RawMessage empty = raw(new RowDescription(List.of()));
        assertEquals(empty, ColumnOrigins.hidden(empty));
    }

    @Test
    void refusesMalformedMessages() {
        byte[] ok = raw(new RowDescription(List.of(new Field("a", 5, 2, 23, 4, -1, 0)))).bytes();
        byte[] truncated = Arrays.copyOf(ok, ok.length - 1);
        truncated[4]--; // keep the length field consistent with the shorter message
        assertThrows(ProtocolException.class, () -> ColumnOrigins.hidden(new RawMessage(truncated)));
        byte[] moreFields = ok.clone();
        moreFields[6] = 2; // claims two columns, carries one
        assertThrows(ProtocolException.class, () -> ColumnOrigins.hidden(new RawMessage(moreFields)));
        byte[] fewerFields = ok.clone();
        fewerFields[6] = 0; // claims none, carries one: trailing bytes
        assertThrows(ProtocolException.class, () -> ColumnOrigins.hidden(new RawMessage(fewerFields)));
        assertThrows(ProtocolException.class, () -> ColumnOrigins.hidden(new RawMessage(
                new byte[] {'D', 0, 0, 0, 5, 0})));
    }
}
