package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** SSLRequest: asks to switch to TLS; answered with a single 'S' or 'N' byte. */
public record SSLRequest() implements StartupPacket {
    public static final int CODE = 80877103;
    public static final SSLRequest INSTANCE = new SSLRequest();

    @Override
    public void encode(WireOutput out) {
        out.beginUntyped().int32(CODE).end();
    }
}
