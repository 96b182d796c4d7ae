package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.List;
import java.util.Objects;

/**
 * 'B' Bind: portal and statement names, parameter format codes (none = all text, one = for all, else one
 * each), parameter values (null = SQL NULL, sent as length -1) and result format codes. The proxy forwards
 * values and formats unchanged.
 */
public record Bind(String portal, String statement, List<Integer> parameterFormats, List<byte[]> parameters,
                   List<Integer> resultFormats) implements FrontendMessage {
    public static final byte TYPE = 'B';

    public Bind {
        Objects.requireNonNull(portal);
        Objects.requireNonNull(statement);
        parameterFormats = Records.int16s("parameter format", parameterFormats);
        parameters = Records.nullableCopy(parameters);
        resultFormats = Records.int16s("result format", resultFormats);
        Records.count("parameters", parameters.size());
        Records.count("parameter formats", parameterFormats.size());
        Records.count("result formats", resultFormats.size());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(portal).cString(statement);
        Records.writeInt16s(out, parameterFormats);
        Records.writeValues(out, parameters);
        Records.writeInt16s(out, resultFormats);
        out.end();
    }

    public static Bind decode(WireInput in) {
        String portal = in.cString();
        String statement = in.cString();
        List<Integer> formats = Records.readInt16s(in);
        List<byte[]> values = Records.readValues(in);
        if (formats.size() > 1 && formats.size() != values.size()) {
            throw ProtocolException.violation("bind message has " + formats.size()
                    + " parameter formats but " + values.size() + " parameters");
        }
        return new Bind(portal, statement, formats, values, Records.readInt16s(in));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bind b && portal.equals(b.portal) && statement.equals(b.statement)
                && parameterFormats.equals(b.parameterFormats) && Records.equal(parameters, b.parameters)
                && resultFormats.equals(b.resultFormats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(portal, statement, parameterFormats, Records.hash(parameters), resultFormats);
    }

    @Override
    public String toString() {
        return "Bind[portal=" + portal + ", statement=" + statement + ", parameterFormats=" + parameterFormats
                + ", parameters=" + Records.describe(parameters) + ", resultFormats=" + resultFormats + "]";
    }
}
