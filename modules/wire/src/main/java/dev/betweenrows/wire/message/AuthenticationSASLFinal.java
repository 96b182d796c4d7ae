package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;
import java.util.Objects;

/** 'R' code 12: the server-final message (server signature) of a SASL exchange. */
public record AuthenticationSASLFinal(byte[] data) implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 12;

    public AuthenticationSASLFinal {
        Objects.requireNonNull(data);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE).bytes(data).end();
    }

    /** Decodes what follows the authentication code. */
    public static AuthenticationSASLFinal decode(WireInput in) {
        return new AuthenticationSASLFinal(in.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSASLFinal m && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AuthenticationSASLFinal[" + Records.describe(data) + "]";
    }
}
