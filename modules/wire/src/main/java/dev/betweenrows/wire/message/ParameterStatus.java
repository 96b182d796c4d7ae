package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'S' (backend) ParameterStatus: a reported run-time setting and its current value. */
public record ParameterStatus(String name, String value) implements BackendMessage {
    public static final byte TYPE = 'S';

    public ParameterStatus {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(name).cString(value).end();
    }

    public static ParameterStatus decode(WireInput in) {
        return new ParameterStatus(in.cString(), in.cString());
    }
}
