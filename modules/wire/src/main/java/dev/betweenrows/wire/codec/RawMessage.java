package dev.betweenrows.wire.codec;

import java.util.Arrays;

/**
 * One backend message exactly as the upstream sent it: type byte, length, payload. Forwarded results
 * (RowDescription, DataRow, CommandComplete) are written to the client from these bytes unchanged.
 */
public record RawMessage(byte[] bytes) {
    static final int HEADER = 5;

    public RawMessage {
        if (bytes.length < HEADER || lengthField(bytes) != bytes.length - 1) {
            throw new IllegalArgumentException("not one complete message");
        }
    }

    public byte type() {
        return bytes[0];
    }

    public int payloadLength() {
        return bytes.length - HEADER;
    }

    public WireInput payload() {
        return WireInput.of(bytes, HEADER, bytes.length - HEADER);
    }

    /** Appends the message unchanged. */
    public void writeTo(WireOutput out) {
        out.bytes(bytes);
    }

    private static int lengthField(byte[] b) {
        return ((b[1] & 0xFF) << 24) | ((b[2] & 0xFF) << 16) | ((b[3] & 0xFF) << 8) | (b[4] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMessage r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawMessage[type=" + (char) type() + ", " + payloadLength() + " bytes]";
    }
}
