package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'f' CopyFail (frontend), with the client's reason. Decoded only to answer cleanly. */
public record CopyFail(String message) implements FrontendMessage {
    public static final byte TYPE = 'f';

    public CopyFail {
        Objects.requireNonNull(message);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(message).end();
    }

    public static CopyFail decode(WireInput in) {
        return new CopyFail(in.cString());
    }
}
