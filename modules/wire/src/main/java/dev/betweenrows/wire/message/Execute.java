package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'E' (frontend) Execute a portal; maxRows 0 = no limit, otherwise PortalSuspended after that many rows. */
public record Execute(String portal, int maxRows) implements FrontendMessage {
    public static final byte TYPE = 'E';

    public Execute {
        Objects.requireNonNull(portal);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(portal).int32(maxRows).end();
    }

    public static Execute decode(WireInput in) {
        return new Execute(in.cString(), in.int32());
    }
}
