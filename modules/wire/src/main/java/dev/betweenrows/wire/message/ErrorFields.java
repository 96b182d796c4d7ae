package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.SqlStates;
import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Field codes of ErrorResponse/NoticeResponse, and the field-list codec both share. */
public final class ErrorFields {
    public static final char SEVERITY = 'S';
    /** Severity, never localized (PostgreSQL 9.6+). */
    public static final char SEVERITY_NONLOCALIZED = 'V';
    public static final char SQLSTATE = 'C';
    public static final char MESSAGE = 'M';
    public static final char DETAIL = 'D';
    public static final char HINT = 'H';
    public static final char POSITION = 'P';
    public static final char INTERNAL_POSITION = 'p';
    public static final char INTERNAL_QUERY = 'q';
    public static final char WHERE = 'W';
    public static final char SCHEMA = 's';
    public static final char TABLE = 't';
    public static final char COLUMN = 'c';
    public static final char DATA_TYPE = 'd';
    public static final char CONSTRAINT = 'n';
    public static final char FILE = 'F';
    public static final char LINE = 'L';
    public static final char ROUTINE = 'R';

    private ErrorFields() {}

    /** An ordered, unmodifiable copy that has S, V, C (a valid SQLSTATE) and M; keys are non-zero ASCII. */
    static Map<Character, String> validated(Map<Character, String> fields) {
        Map<Character, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k == 0 || k > 127) {
                throw new IllegalArgumentException("invalid field code " + (int) k);
            }
            copy.put(k, Objects.requireNonNull(v));
        });
        for (char required : new char[] {SEVERITY, SEVERITY_NONLOCALIZED, SQLSTATE, MESSAGE}) {
            if (!copy.containsKey(required)) {
                throw new IllegalArgumentException("missing field " + required);
            }
        }
        SqlStates.requireValid(copy.get(SQLSTATE));
        return Collections.unmodifiableMap(copy);
    }

    static Map<Character, String> ordered(String severity, String sqlState, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put(SEVERITY, severity);
        fields.put(SEVERITY_NONLOCALIZED, severity);
        fields.put(SQLSTATE, sqlState);
        fields.put(MESSAGE, message);
        return fields;
    }

    static Map<Character, String> with(Map<Character, String> fields, char code, String value) {
        Map<Character, String> copy = new LinkedHashMap<>(fields);
        copy.put(code, value);
        return copy;
    }

    static void encode(WireOutput out, byte type, Map<Character, String> fields) {
        out.begin(type);
        fields.forEach((k, v) -> out.int8(k).cString(v));
        out.int8(0).end();
    }

    /**
     * Reads fields up to the terminator. A server older than 9.6 sends no V; it is filled from S so the
     * record's invariant holds. Missing S, C or M, a bad SQLSTATE or a repeated field is a protocol error.
     */
    static Map<Character, String> decode(WireInput in) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int code = in.int8(); code != 0; code = in.int8()) {
            if (code < 0 || fields.put((char) code, in.cString()) != null) {
                throw ProtocolException.violation("invalid error field " + code);
            }
        }
        if (!fields.containsKey(SEVERITY_NONLOCALIZED) && fields.containsKey(SEVERITY)) {
            Map<Character, String> filled = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                filled.put(k, v);
                if (k == SEVERITY) {
                    filled.put(SEVERITY_NONLOCALIZED, v);
                }
            });
            fields = filled;
        }
        try {
            return validated(fields);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.violation("invalid error or notice message: " + e.getMessage());
        }
    }
}
