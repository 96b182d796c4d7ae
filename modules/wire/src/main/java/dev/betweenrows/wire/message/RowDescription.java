package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** 'T' RowDescription. Forwarded results pass through as raw bytes; this record is for rows the proxy makes. */
public record RowDescription(List<Field> fields) implements BackendMessage {
    public static final byte TYPE = 'T';

    /**
     * One column. tableOid/attnum are 0 unless the emulated catalog knows them; typeSize is pg_type.typlen,
     * typeModifier is atttypmod (-1 = none), format 0 = text, 1 = binary.
     */
    public record Field(String name, int tableOid, int attnum, int typeOid, int typeSize, int typeModifier,
                        int format) {
        public Field {
            Objects.requireNonNull(name);
            Records.int16("attnum", attnum);
            Records.int16("type size", typeSize);
            Records.int16("format", format);
        }

        /** A text-format column not tied to a table. */
        public static Field text(String name, int typeOid, int typeSize) {
            return new Field(name, 0, 0, typeOid, typeSize, -1, 0);
        }
    }

    public RowDescription {
        fields = List.copyOf(fields);
        Records.count("fields", fields.size());
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int16(fields.size());
        for (Field f : fields) {
            out.cString(f.name()).int32(f.tableOid()).int16(f.attnum()).int32(f.typeOid())
                    .int16(f.typeSize()).int32(f.typeModifier()).int16(f.format());
        }
        out.end();
    }

    public static RowDescription decode(WireInput in) {
        int n = in.uint16();
        List<Field> fields = new ArrayList<>(Math.min(n, in.remaining() / 19 + 1));
        for (int i = 0; i < n; i++) {
            fields.add(new Field(in.cString(), in.int32(), in.int16(), in.int32(), in.int16(), in.int32(),
                    in.int16()));
        }
        return new RowDescription(fields);
    }
}
