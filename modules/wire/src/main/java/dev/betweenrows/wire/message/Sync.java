package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'S' Sync: ends an extended-query batch; answered with ReadyForQuery. */
public record Sync() implements FrontendMessage {
    public static final byte TYPE = 'S';
    public static final Sync INSTANCE = new Sync();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
