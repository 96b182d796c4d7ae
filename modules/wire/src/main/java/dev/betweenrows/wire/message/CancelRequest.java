package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;

/** CancelRequest (protocol 3.0 form: 4-byte secret), sent on a fresh connection that is then closed. */
public record CancelRequest(int processId, int secretKey) implements StartupPacket {
    public static final int CODE = 80877102;
    /** Length of the whole packet, length field included. */
    public static final int LENGTH = 16;

    @Override
    public void encode(WireOutput out) {
        out.beginUntyped().int32(CODE).int32(processId).int32(secretKey).end();
    }

    /** Decodes what follows the request code. */
    public static CancelRequest decode(WireInput in) {
        return new CancelRequest(in.int32(), in.int32());
    }

    @Override
    public String toString() {
        return "CancelRequest[processId=" + processId + ", secretKey=<redacted>]";
    }
}
