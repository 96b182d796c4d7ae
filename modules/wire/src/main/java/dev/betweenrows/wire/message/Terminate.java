package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'X' Terminate: the client is closing the connection. */
public record Terminate() implements FrontendMessage {
    public static final byte TYPE = 'X';
    public static final Terminate INSTANCE = new Terminate();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
