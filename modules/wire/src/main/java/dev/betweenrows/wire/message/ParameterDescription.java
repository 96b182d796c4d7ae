package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.List;

/** 't' ParameterDescription: the type OID of each parameter of a described statement. */
public record ParameterDescription(List<Integer> parameterTypes) implements BackendMessage {
    public static final byte TYPE = 't';

    public ParameterDescription {
        parameterTypes = List.copyOf(parameterTypes);
        Records.count("parameter types", parameterTypes.size());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE);
        Records.writeInt32s(out, parameterTypes);
        out.end();
    }

    public static ParameterDescription decode(WireInput in) {
        return new ParameterDescription(Records.readInt32s(in));
    }
}
