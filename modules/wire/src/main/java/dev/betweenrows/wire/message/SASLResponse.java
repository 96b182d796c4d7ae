package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;
import java.util.Objects;

/** 'p' answering AuthenticationSASLContinue: the client-final message (carries the proof). */
public record SASLResponse(byte[] data) implements FrontendMessage {
    public static final byte TYPE = 'p';

    public SASLResponse {
        Objects.requireNonNull(data);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).bytes(data).end();
    }

    public static SASLResponse decode(WireInput in) {
        return new SASLResponse(in.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SASLResponse r && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SASLResponse[" + Records.describe(data) + "]";
    }
}
