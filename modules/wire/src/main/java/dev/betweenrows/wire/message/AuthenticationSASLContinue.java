package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;
import java.util.Objects;

/** 'R' code 11: the server-first message of a SASL exchange. */
public record AuthenticationSASLContinue(byte[] data) implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 11;

    public AuthenticationSASLContinue {
        Objects.requireNonNull(data);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE).bytes(data).end();
    }

    /** Decodes what follows the authentication code. */
    public static AuthenticationSASLContinue decode(WireInput in) {
        return new AuthenticationSASLContinue(in.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSASLContinue m && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AuthenticationSASLContinue[" + Records.describe(data) + "]";
    }
}
