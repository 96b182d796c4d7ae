package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.ArrayList;
import java.util.List;

/** 'v' NegotiateProtocolVersion: newest minor version supported, and the {@code _pq_.} options not recognised. */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    public static final byte TYPE = 'v';

    public NegotiateProtocolVersion {
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(newestMinorVersion).int32(unrecognizedOptions.size());
        unrecognizedOptions.forEach(out::cString);
        out.end();
    }

    public static NegotiateProtocolVersion decode(WireInput in) {
        int minor = in.int32();
        int n = in.int32();
        if (n < 0 || n > in.remaining()) { // each option takes at least its terminator
            throw ProtocolException.violation("invalid option count in NegotiateProtocolVersion");
        }
        List<String> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            options.add(in.cString());
        }
        return new NegotiateProtocolVersion(minor, options);
    }
}
