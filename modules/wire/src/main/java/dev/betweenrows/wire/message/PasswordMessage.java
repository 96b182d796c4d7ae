package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'p' answering AuthenticationCleartextPassword or AuthenticationMD5Password. */
public record PasswordMessage(String password) implements FrontendMessage {
    public static final byte TYPE = 'p';

    public PasswordMessage {
        Objects.requireNonNull(password);
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).cString(password).end();
    }

    public static PasswordMessage decode(WireInput in) {
        return new PasswordMessage(in.cString());
    }

    @Override
    public String toString() {
        return "PasswordMessage[password=<redacted>]";
    }
}
