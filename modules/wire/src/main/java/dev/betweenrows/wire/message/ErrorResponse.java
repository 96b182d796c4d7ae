package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Map;

/** 'E' ErrorResponse. Every one carries S, V, C and M (checked on construction). Fields keep their order. */
public record ErrorResponse(Map<Character, String> fields) implements BackendMessage, FieldMessage {
    public static final byte TYPE = 'E';

    public ErrorResponse {
        fields = ErrorFields.validated(fields);
    }

    /** S and V both get {@code severity} (e.g. ERROR, FATAL, WARNING, NOTICE). */
    public static ErrorResponse error(String severity, String sqlState, String message) {
        return new ErrorResponse(ErrorFields.ordered(severity, sqlState, message));
    }

    /** A copy with one field added or replaced (e.g. {@link ErrorFields#DETAIL}, {@link ErrorFields#HINT}). */
    public ErrorResponse with(char code, String value) {
        return new ErrorResponse(ErrorFields.with(fields, code, value));
    }

    @Override
    public void encode(WireOutput out) {
        ErrorFields.encode(out, TYPE, fields);
    }

    public static ErrorResponse decode(WireInput in) {
        return new ErrorResponse(ErrorFields.decode(in));
    }
}
