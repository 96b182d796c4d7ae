package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;

/** The status byte of ReadyForQuery. */
public enum TransactionStatus {
    IDLE('I'),
    IN_TRANSACTION('T'),
    FAILED('E');

    private final char code;

    TransactionStatus(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static TransactionStatus decode(int code) {
        return switch (code) {
            case 'I' -> IDLE;
            case 'T' -> IN_TRANSACTION;
            case 'E' -> FAILED;
            default -> throw ProtocolException.violation("invalid transaction status " + code);
        };
    }
}
