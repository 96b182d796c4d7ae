package dev.betweenrows.wire.upstream;

import dev.betweenrows.wire.message.ErrorFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes an upstream ErrorResponse/NoticeResponse safe to relay. Upstream errors describe the rewritten SQL
 * and the upstream's own objects, so only S, V, C and M survive: position (P) into the rewritten text,
 * internal query/position (q/p), context (W), object names (s/t/c/d/n), detail/hint (D/H, which may quote
 * values or names) and source location (F/L/R) are dropped. M is kept only when it cannot quote the
 * rewritten text or name an upstream object or role; otherwise a generic message for the SQLSTATE class
 * replaces it.
 */
public final class ErrorScrubber {
    private ErrorScrubber() {}

    /** Fields with S, V, C and a safe M only. */
    public static Map<Character, String> scrub(Map<Character, String> fields, String rewrittenSql) {
        String state = fields.get(ErrorFields.SQLSTATE);
        String severity = fields.get(ErrorFields.SEVERITY);
        Map<Character, String> out = new LinkedHashMap<>();
        out.put(ErrorFields.SEVERITY, severity);
        out.put(ErrorFields.SEVERITY_NONLOCALIZED, fields.getOrDefault(ErrorFields.SEVERITY_NONLOCALIZED, severity));
        out.put(ErrorFields.SQLSTATE, state);
        out.put(ErrorFields.MESSAGE, safeMessage(fields.get(ErrorFields.MESSAGE), state, rewrittenSql));
        return out;
    }

    static String safeMessage(String message, String state, String rewrittenSql) {
        if (message == null || message.isBlank() || !isSafe(message, state, rewrittenSql)) {
            return generic(state);
        }
        return message;
    }

    /**
     * A message is kept when it quotes nothing (no double quotes: PostgreSQL quotes every object, role and
     * token it names) and shares no long run with the rewritten text. Messages of classes that inherently
     * name objects or roles (28, 3D, 42, 08) are always replaced unless they quote nothing.
     */
    private static boolean isSafe(String message, String state, String rewrittenSql) {
        if (message.indexOf('"') >= 0 || message.length() > 200) {
            return false;
        }
        if (rewrittenSql != null && sharesRun(message, rewrittenSql, 24)) {
            return false;
        }
        return true;
    }

    /** True when {@code a} and {@code b} share a substring of at least {@code n} characters. */
    private static boolean sharesRun(String a, String b, int n) {
        if (a.length() < n || b.length() < n) {
            return false;
        }
        for (int i = 0; i + n <= a.length(); i++) {
            if (b.contains(a.substring(i, i + n))) {
                return true;
            }
        }
        return false;
    }

    /** A fixed message per SQLSTATE class (the code itself is always kept). */
    static String generic(String state) {
        String cls = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        return switch (cls) {
            case "22" -> "invalid data";
            case "23" -> "integrity constraint violation";
            case "25" -> "invalid transaction state";
            case "28" -> "authorization failed";
            case "40" -> "transaction rolled back";
            case "42" -> "syntax error or access rule violation";
            case "53" -> "insufficient resources";
            case "54" -> "program limit exceeded";
            case "57" -> "operator intervention";
            case "08" -> UpstreamException.CLIENT_MESSAGE;
            default -> "error in the data source";
        };
    }
}
