package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Map;

/** 'N' NoticeResponse (warnings, notices). Same fields and invariant as ErrorResponse. Fields keep their order. */
public record NoticeResponse(Map<Character, String> fields) implements BackendMessage, FieldMessage {
    public static final byte TYPE = 'N';

    public NoticeResponse {
        fields = ErrorFields.validated(fields);
    }

    /** S and V both get {@code severity} (e.g. ERROR, FATAL, WARNING, NOTICE). */
    public static NoticeResponse notice(String severity, String sqlState, String message) {
        return new NoticeResponse(ErrorFields.ordered(severity, sqlState, message));
    }

    /** A copy with one field added or replaced (e.g. {@link ErrorFields#DETAIL}, {@link ErrorFields#HINT}). */
    public NoticeResponse with(char code, String value) {
        return new NoticeResponse(ErrorFields.with(fields, code, value));
    }

    @Override
    public void encode(WireOutput out) {
        ErrorFields.encode(out, TYPE, fields);
    }

    public static NoticeResponse decode(WireInput in) {
        return new NoticeResponse(ErrorFields.decode(in));
    }
}
