package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * StartupMessage: protocol version (major &lt;&lt; 16 | minor) and the connection parameters in the order
 * sent. Options named {@code _pq_.*} stay in the map; the session answers them with NegotiateProtocolVersion.
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements StartupPacket {
    public static final int PROTOCOL_3_0 = 3 << 16;

    public StartupMessage {
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (k.isEmpty()) {
                throw new IllegalArgumentException("empty parameter name"); // would read as the terminator
            }
            copy.put(k, Objects.requireNonNull(v, k));
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    public static StartupMessage v3(Map<String, String> parameters) {
        return new StartupMessage(PROTOCOL_3_0, parameters);
    }

    public int majorVersion() {
        return protocolVersion >>> 16;
    }

    public int minorVersion() {
        return protocolVersion & 0xFFFF;
    }

    @Override
    public void encode(WireOutput out) {
        out.beginUntyped().int32(protocolVersion);
        parameters.forEach((k, v) -> out.cString(k).cString(v));
        out.int8(0).end();
    }

    /** Decodes the parameters that follow the version; duplicates are refused rather than guessed at. */
    public static StartupMessage decode(int protocolVersion, WireInput in) {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            if (in.remaining() == 0) {
                throw ProtocolException.violation("invalid startup packet layout: expected terminator as last byte");
            }
            String name = in.cString();
            if (name.isEmpty()) {
                if (in.remaining() != 0) {
                    throw ProtocolException.violation(
                            "invalid startup packet layout: expected terminator as last byte");
                }
                return new StartupMessage(protocolVersion, params);
            }
            String value = in.cString();
            if (params.putIfAbsent(name, value) != null) {
                throw ProtocolException.violation("duplicate startup parameter \"" + name + "\"");
            }
        }
    }
}
