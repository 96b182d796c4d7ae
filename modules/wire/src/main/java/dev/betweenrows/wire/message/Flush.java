package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'H' Flush: send what is buffered, without ReadyForQuery. */
public record Flush() implements FrontendMessage {
    public static final byte TYPE = 'H';
    public static final Flush INSTANCE = new Flush();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
