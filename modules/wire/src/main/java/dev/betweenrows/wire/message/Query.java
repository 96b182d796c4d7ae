package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'Q' simple query: one string that may hold several statements. */
public record Query(String sql) implements FrontendMessage {
    public static final byte TYPE = 'Q';

    public Query {
        Objects.requireNonNull(sql);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(sql).end();
    }

    public static Query decode(WireInput in) {
        return new Query(in.cString());
    }
}
