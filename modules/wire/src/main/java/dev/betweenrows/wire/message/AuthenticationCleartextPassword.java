package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'R' code 3: The server wants the password in clear (the proxy only asks inside TLS). */
public record AuthenticationCleartextPassword() implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 3;
    public static final AuthenticationCleartextPassword INSTANCE = new AuthenticationCleartextPassword();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE).end();
    }
}
