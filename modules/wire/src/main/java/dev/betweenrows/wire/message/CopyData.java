package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;
import java.util.Objects;

/** 'd' CopyData (frontend). The proxy refuses COPY FROM STDIN; decoded only to answer cleanly. */
public record CopyData(byte[] data) implements FrontendMessage {
    public static final byte TYPE = 'd';

    public CopyData {
        Objects.requireNonNull(data);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).bytes(data).end();
    }

    public static CopyData decode(WireInput in) {
        return new CopyData(in.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyData c && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CopyData[" + Records.describe(data) + "]";
    }
}
