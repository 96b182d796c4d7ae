package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** 's' PortalSuspended: Execute reached its row limit; the next Execute continues. */
public record PortalSuspended() implements BackendMessage {
    public static final byte TYPE = 's';
    public static final PortalSuspended INSTANCE = new PortalSuspended();

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).end();
    }
}
