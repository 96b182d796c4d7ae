package dev.betweenrows.wire.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checked reads from one message payload (big-endian, as the protocol is). Every read that would run past
 * the payload, and every string that is not terminated or not valid UTF-8, raises a {@link ProtocolException}
 * instead of a buffer exception, so malformed input always maps to a SQLSTATE.
 */
public final class WireInput {
    private final ByteBuffer buf;

    private WireInput(ByteBuffer buf) {
        this.buf = buf;
    }

    public static WireInput of(byte[] payload) {
        return new WireInput(ByteBuffer.wrap(payload));
    }

    public static WireInput of(byte[] bytes, int offset, int length) {
        return new WireInput(ByteBuffer.wrap(bytes, offset, length).slice());
    }

    public int remaining() {
        return buf.remaining();
    }

    public int int8() {
        need(1);
        return buf.get();
    }

    public int int16() {
        need(2);
        return buf.getShort();
    }

    /** Counts (parameters, columns, formats) are unsigned 16-bit in PostgreSQL. */
    public int uint16() {
        return int16() & 0xFFFF;
    }

    public int int32() {
        need(4);
        return buf.getInt();
    }

    public byte[] bytes(int n) {
        if (n < 0) {
            throw ProtocolException.violation("invalid argument size in message");
        }
        need(n);
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    /** Everything left in the payload. */
    public byte[] rest() {
        return bytes(buf.remaining());
    }

    /** A NUL-terminated string that must be valid UTF-8. */
    public String cString() {
        int start = buf.position();
        int end = start;
        int limit = buf.limit();
        while (end < limit && buf.get(end) != 0) {
            end++;
        }
        if (end == limit) {
            throw ProtocolException.violation("invalid string in message");
        }
        String s = utf8(buf, start, end - start);
        buf.position(end + 1);
        return s;
    }

    /** Trailing bytes after the last field mean the peer and we disagree on the layout. */
    public void expectEnd() {
        if (buf.hasRemaining()) {
            throw ProtocolException.violation("invalid message format");
        }
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw ProtocolException.violation("insufficient data left in message");
        }
    }

    private static String utf8(ByteBuffer buf, int start, int len) {
        boolean ascii = true;
        for (int i = start; i < start + len && ascii; i++) {
            ascii = buf.get(i) >= 0;
        }
        if (ascii) { // payload buffers are always heap arrays
            return new String(buf.array(), buf.arrayOffset() + start, len, StandardCharsets.US_ASCII);
        }
        ByteBuffer slice = buf.slice(start, len);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(SqlStates.CHARACTER_NOT_IN_REPERTOIRE,
                    "invalid byte sequence for encoding \"UTF8\": " + hexAt(buf.slice(start, len), decoder));
        }
    }

    /** PostgreSQL names the offending bytes; find the first bad sequence by re-decoding up to it. */
    private static String hexAt(ByteBuffer slice, CharsetDecoder decoder) {
        decoder.reset();
        CharBuffer out = CharBuffer.allocate(slice.remaining());
        var result = decoder.decode(slice, out, true);
        int bad = result.isError() ? result.length() : 1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bad && slice.hasRemaining(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02x", slice.get() & 0xFF));
        }
        return sb.toString();
    }
}
