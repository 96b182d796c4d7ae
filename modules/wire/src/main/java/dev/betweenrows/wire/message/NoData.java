package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'n' NoData: the statement or portal returns no rows. */
public record NoData() implements BackendMessage {
    public static final byte TYPE = 'n';
    public static final NoData INSTANCE = new NoData();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
