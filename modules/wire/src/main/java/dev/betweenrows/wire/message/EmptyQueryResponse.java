package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'I' EmptyQueryResponse: the query string held no statement. */
public record EmptyQueryResponse() implements BackendMessage {
    public static final byte TYPE = 'I';
    public static final EmptyQueryResponse INSTANCE = new EmptyQueryResponse();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
