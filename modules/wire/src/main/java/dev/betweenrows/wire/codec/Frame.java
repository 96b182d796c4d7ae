package dev.betweenrows.wire.codec;

import java.util.Arrays;

/** One typed frontend message as read off the wire: the type byte and the payload after the length. */
public record Frame(byte type, byte[] payload) {

    public WireInput input() {
        return WireInput.of(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && type == f.type && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[type=" + (char) type + ", " + payload.length + " bytes]"; // never the content
    }
}
