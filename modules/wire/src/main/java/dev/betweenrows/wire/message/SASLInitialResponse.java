package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;
import java.util.Objects;

/** 'p' answering AuthenticationSASL: the chosen mechanism and the client-first message (null = none sent). */
public record SASLInitialResponse(String mechanism, byte[] initialResponse) implements FrontendMessage {
    public static final byte TYPE = 'p';

    public SASLInitialResponse {
        Objects.requireNonNull(mechanism);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(mechanism);
        if (initialResponse == null) {
            out.int32(-1);
        } else {
            out.int32(initialResponse.length).bytes(initialResponse);
        }
        out.end();
    }

    public static SASLInitialResponse decode(WireInput in) {
        return new SASLInitialResponse(in.cString(), Records.readValue(in));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SASLInitialResponse r && mechanism.equals(r.mechanism)
                && Arrays.equals(initialResponse, r.initialResponse);
    }

    @Override
    public int hashCode() {
        return 31 * mechanism.hashCode() + Arrays.hashCode(initialResponse);
    }

    @Override
    public String toString() {
        return "SASLInitialResponse[mechanism=" + mechanism + ", " + Records.describe(initialResponse) + "]";
    }
}
