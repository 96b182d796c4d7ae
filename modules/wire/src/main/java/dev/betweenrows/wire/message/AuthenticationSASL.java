package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.ArrayList;
import java.util.List;

/** 'R' code 10: the SASL mechanisms the server accepts, most preferred first. */
public record AuthenticationSASL(List<String> mechanisms) implements BackendMessage {
    public static final byte TYPE = 'R';
    public static final int CODE = 10;

    public AuthenticationSASL {
        mechanisms = List.copyOf(mechanisms);
        if (mechanisms.isEmpty() || mechanisms.contains("")) {
            throw new IllegalArgumentException("need non-empty mechanism names");
        }
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int32(CODE);
        mechanisms.forEach(out::cString);
        out.int8(0).end();
    }

    /** Decodes what follows the authentication code: names up to an empty one. */
    public static AuthenticationSASL decode(WireInput in) {
        List<String> names = new ArrayList<>();
        for (String name = in.cString(); !name.isEmpty(); name = in.cString()) {
            names.add(name);
        }
        if (names.isEmpty()) {
            throw ProtocolException.violation("SASL request without mechanisms");
        }
        return new AuthenticationSASL(names);
    }
}
