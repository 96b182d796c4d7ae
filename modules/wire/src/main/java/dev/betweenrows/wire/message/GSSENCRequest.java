package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireOutput;

/** GSSENCRequest: asks for GSSAPI encryption; the proxy always answers 'N'. */
public record GSSENCRequest() implements StartupPacket {
    public static final int CODE = 80877104;
    public static final GSSENCRequest INSTANCE = new GSSENCRequest();

    @Override
    public void encode(WireOutput out) {
        out.beginUntyped().int32(CODE).end();
    }
}
