package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.List;
import java.util.Objects;

/** 'F' legacy fast-path FunctionCall. Decoded only so the proxy can refuse it (0A000) and carry on. */
public record FunctionCall(int functionOid, List<Integer> argumentFormats, List<byte[]> arguments, int resultFormat)
        implements FrontendMessage {
    public static final byte TYPE = 'F';

    public FunctionCall {
        argumentFormats = Records.int16s("argument format", argumentFormats);
        arguments = Records.nullableCopy(arguments);
        Records.int16("result format", resultFormat);
        Records.count("arguments", arguments.size());
        Records.count("argument formats", argumentFormats.size());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(functionOid);
        Records.writeInt16s(out, argumentFormats);
        Records.writeValues(out, arguments);
        out.int16(resultFormat).end();
    }

    public static FunctionCall decode(WireInput in) {
        return new FunctionCall(in.int32(), Records.readInt16s(in), Records.readValues(in), in.int16());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionCall f && functionOid == f.functionOid && resultFormat == f.resultFormat
                && argumentFormats.equals(f.argumentFormats) && Records.equal(arguments, f.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionOid, argumentFormats, Records.hash(arguments), resultFormat);
    }

    @Override
    public String toString() {
        return "FunctionCall[functionOid=" + functionOid + ", arguments=" + Records.describe(arguments) + "]";
    }
}
