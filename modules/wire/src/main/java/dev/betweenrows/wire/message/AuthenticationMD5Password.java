package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Arrays;

/** 'R' code 5: md5 password with a 4-byte salt (met on the upstream side only). */
public record AuthenticationMD5Password(byte[] salt) implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 5;

    public AuthenticationMD5Password {
        if (salt.length != 4) {
            throw new IllegalArgumentException("md5 salt must be 4 bytes");
        }
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE).bytes(salt).end();
    }

    /** Decodes what follows the authentication code. */
    public static AuthenticationMD5Password decode(WireInput in) {
        return new AuthenticationMD5Password(in.bytes(4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationMD5Password m && Arrays.equals(salt, m.salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "AuthenticationMD5Password[salt=<4 bytes>]";
    }
}
