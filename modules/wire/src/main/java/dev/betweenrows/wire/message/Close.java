package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'C' (frontend) Close a prepared statement or a portal; answered with CloseComplete. */
public record Close(ObjectKind kind, String name) implements FrontendMessage {
    public static final byte TYPE = 'C';

    public Close {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int8(kind.code()).cString(name).end();
    }

    public static Close decode(WireInput in) {
        return new Close(ObjectKind.decode(in.int8(), "CLOSE"), in.cString());
    }
}
