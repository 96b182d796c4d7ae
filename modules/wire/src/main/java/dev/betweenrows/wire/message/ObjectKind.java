package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;

/** What a Describe or Close message names: a prepared statement ('S') or a portal ('P'). */
public enum ObjectKind {
    STATEMENT('S'),
    PORTAL('P');

    private final char code;

    ObjectKind(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static ObjectKind decode(int code, String messageName) {
        return switch (code) {
            case 'S' -> STATEMENT;
            case 'P' -> PORTAL;
            default -> throw ProtocolException.violation("invalid " + messageName + " message subtype " + code);
        };
    }
}
