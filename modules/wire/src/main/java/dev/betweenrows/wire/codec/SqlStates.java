package dev.betweenrows.wire.codec;

/** The SQLSTATE codes the codec raises; the session layer has its own for higher-level errors. */
public final class SqlStates {
    public static final String PROTOCOL_VIOLATION = "08P01";
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    private SqlStates() {}

    /** A SQLSTATE is exactly five characters from [0-9A-Z]. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            char c = code.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    public static String requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a SQLSTATE: " + code);
        }
        return code;
    }
}
