package dev.betweenrows.wire.message;

import java.util.Map;

/** ErrorResponse and NoticeResponse: a list of typed fields (S, V, C, M, D, H, P, …) in wire order. */
public interface FieldMessage {
    Map<Character, String> fields();

    /** The field's value, or null when absent. */
    default String field(char code) {
        return fields().get(code);
    }

    default String severity() {
        return fields().get(ErrorFields.SEVERITY_NONLOCALIZED);
    }

    default String sqlState() {
        return fields().get(ErrorFields.SQLSTATE);
    }

    default String message() {
        return fields().get(ErrorFields.MESSAGE);
    }
}
