package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** '3' CloseComplete. */
public record CloseComplete() implements BackendMessage {
    public static final byte TYPE = '3';
    public static final CloseComplete INSTANCE = new CloseComplete();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
