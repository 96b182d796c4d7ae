package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** 'D' DataRow: column values (null = SQL NULL). For rows the proxy makes; forwarded rows stay raw bytes. */
public record DataRow(List<byte[]> values) implements BackendMessage {
    public static final byte TYPE = 'D';

    public DataRow {
        values = Records.nullableCopy(values);
        Records.count("columns", values.size());
    }

    /** A row of text-format values (null = SQL NULL). */
    public static DataRow ofText(String... values) {
        return new DataRow(Arrays.stream(values)
                .map(v -> v == null ? null : v.getBytes(StandardCharsets.UTF_8))
                .toList());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE);
        Records.writeValues(out, values);
        out.end();
    }

    public static DataRow decode(WireInput in) {
        return new DataRow(Records.readValues(in));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRow d && Records.equal(values, d.values);
    }

    @Override
    public int hashCode() {
        return Records.hash(values);
    }

    @Override
    public String toString() {
        return "DataRow[" + Records.describe(values) + "]";
    }
}
