package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.List;
import java.util.Objects;

/** 'P' Parse: statement name ("" = unnamed), SQL text, and parameter type OIDs (0 = let the server infer). */
public record Parse(String name, String sql, List<Integer> parameterTypes) implements FrontendMessage {
    public static final byte TYPE = 'P';

    public Parse {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sql);
        parameterTypes = List.copyOf(parameterTypes);
        Records.count("parameter types", parameterTypes.size());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(name).cString(sql);
        Records.writeInt32s(out, parameterTypes);
        out.end();
    }

    public static Parse decode(WireInput in) {
        return new Parse(in.cString(), in.cString(), Records.readInt32s(in));
    }
}
