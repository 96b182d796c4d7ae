package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** '1' ParseComplete. */
public record ParseComplete() implements BackendMessage {
    public static final byte TYPE = '1';
    public static final ParseComplete INSTANCE = new ParseComplete();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
