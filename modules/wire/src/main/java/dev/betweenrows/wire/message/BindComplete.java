package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** '2' BindComplete. */
public record BindComplete() implements BackendMessage {
    public static final byte TYPE = '2';
    public static final BindComplete INSTANCE = new BindComplete();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
