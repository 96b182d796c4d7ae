package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'R' code 0: Authentication succeeded. */
public record AuthenticationOk() implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 0;
    public static final AuthenticationOk INSTANCE = new AuthenticationOk();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE).end();
    }
}
