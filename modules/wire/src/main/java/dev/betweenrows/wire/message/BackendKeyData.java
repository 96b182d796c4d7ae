package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;

/** 'K' BackendKeyData (protocol 3.0: 4-byte secret) that a later CancelRequest must quote. */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    public static final byte TYPE = 'K';

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(processId).int32(secretKey).end();
    }

    public static BackendKeyData decode(WireInput in) {
        return new BackendKeyData(in.int32(), in.int32());
    }

    @Override
    public String toString() {
        return "BackendKeyData[processId=" + processId + ", secretKey=<redacted>]";
    }
}
