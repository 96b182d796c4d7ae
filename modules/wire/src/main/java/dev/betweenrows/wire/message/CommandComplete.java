package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'C' (backend) CommandComplete with its command tag, e.g. "SELECT 3", "SET", "BEGIN". */
public record CommandComplete(String tag) implements BackendMessage {
    public static final byte TYPE = 'C';

    public CommandComplete {
        Objects.requireNonNull(tag);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(tag).end();
    }

    public static CommandComplete decode(WireInput in) {
        return new CommandComplete(in.cString());
    }
}
