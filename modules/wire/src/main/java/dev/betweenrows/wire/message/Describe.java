package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'D' Describe a prepared statement or a portal ("" = the unnamed one). */
public record Describe(ObjectKind kind, String name) implements FrontendMessage {
    public static final byte TYPE = 'D';

    public Describe {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int8(kind.code()).cString(name).end();
    }

    public static Describe decode(WireInput in) {
        return new Describe(ObjectKind.decode(in.int8(), "DESCRIBE"), in.cString());
    }
}
