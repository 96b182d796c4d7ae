package dev.betweenrows.wire.codec;

import java.util.Arrays;

/**
 * Hides where the columns of a forwarded result come from. The upstream's RowDescription names, per column,
 * the upstream table's OID and the column's attribute number: those reveal upstream OIDs and, through gaps in
 * the numbers, that hidden columns exist; and they match nothing in the emulated catalog a client would look
 * them up in. Both fields are set to 0 ("not a table column"), as PostgreSQL itself sends for computed columns;
 * names, types, type modifiers and formats stay the upstream's. Only the fixed-width fields change, so the
 * message keeps its length and the rest of the result still streams through undecoded.
 */
public final class ColumnOrigins {
    /** Table OID (int32) and attnum (int16) follow each column name; then type OID, size, typmod, format. */
    private static final int ORIGIN_BYTES = 6, FIELD_TAIL = 18;

    private ColumnOrigins() {}

    /**
     * A copy of RowDescription {@code m} with every column's table OID and attnum set to 0.
     *
     * @throws ProtocolException if {@code m} is not a well-formed RowDescription
     */
    public static RawMessage hidden(RawMessage m) {
        if (m.type() != 'T') throw ProtocolException.violation("not a RowDescription");
        byte[] b = m.bytes().clone();
        int end = b.length, at = RawMessage.HEADER;
        if (end - at < 2) throw malformed();
        int fields = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        at += 2;
        for (int i = 0; i < fields; i++) {
            while (at < end && b[at] != 0) at++; // the column name, NUL-terminated
            at++;
            if (end - at < FIELD_TAIL) throw malformed();
            Arrays.fill(b, at, at + ORIGIN_BYTES, (byte) 0);
            at += FIELD_TAIL;
        }
        if (at != end) throw malformed();
        return new RawMessage(b);
    }

    private static ProtocolException malformed() {
        return ProtocolException.violation("malformed RowDescription from the data source");
    }
}
