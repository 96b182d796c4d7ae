package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardDecision.ControlKind;

/**
 * FETCH / MOVE rebuilt from the guard's parsed operands (direction, count, cursor name); the cursor itself was
 * declared through a rewritten DECLARE, so moving over it reads only what the policies allow.
 */
final class CursorStatements {
    private CursorStatements() {}

    /** The statement to forward, or null when the operands were not parsed. */
    static String fetch(ControlKind kind, ControlArgs a) {
        if (!a.parsed() || a.name() == null || a.direction() == null) {
            return null;
        }
        String verb = kind == ControlKind.MOVE ? "MOVE " : "FETCH ";
        String where = switch (a.direction()) {
            case "NEXT", "PRIOR", "FIRST", "LAST" -> a.direction();
            case "ABSOLUTE", "RELATIVE" -> a.direction() + " " + a.count();
            case "FORWARD", "BACKWARD" -> a.direction() + (a.all() ? " ALL" : " " + a.count());
            default -> null;
        };
        return where == null ? null : verb + where + " FROM " + SqlText.identifier(a.name());
    }
}
