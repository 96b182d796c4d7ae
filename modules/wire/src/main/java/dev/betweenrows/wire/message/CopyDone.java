package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 'c' CopyDone (frontend). The proxy refuses COPY FROM STDIN; decoded only to answer cleanly. */
public record CopyDone() implements FrontendMessage {
    public static final byte TYPE = 'c';
    public static final CopyDone INSTANCE = new CopyDone();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
