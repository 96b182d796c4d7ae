package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** A PostgreSQL v3 protocol message that knows its own wire encoding. */
public sealed interface WireMessage permits FrontendMessage, BackendMessage {

    /** Appends the complete message (type, length, body) to {@code out}; never flushes anything. */
    void encode(WireOutput out);

    /** The encoded bytes of this message alone (tests, one-off writes). */
    default byte[] toBytes() {
        WireOutput out = new WireOutput(64);
        encode(out);
        return out.toByteArray();
    }
}
