package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.rewrite.classify.StatementKind;
import dev.betweenrows.rewrite.classify.StatementKind.SessionSet;
import dev.betweenrows.rewrite.classify.StatementKind.SetScope;
import dev.betweenrows.rewrite.classify.StatementKind.Transaction;
import dev.betweenrows.rewrite.classify.StatementKind.TransactionModes;
import dev.betweenrows.rewrite.lex.Statement;

/**
 * Session and transaction control as the wire receives it: the classification plus the operands the classifier
 * parsed, so the wire rebuilds the statement it forwards from validated parts and never forwards the client's text.
 */
final class ControlArgsMapper {
    private ControlArgsMapper() {}

    static GuardDecision transaction(Transaction t, Statement st) {
        if (t.chain()) {
            // COMMIT/ROLLBACK AND CHAIN would start a transaction with the old modes, outside the wire's control
            return new Refuse("0A000", "AND CHAIN is not supported by the proxy", "transaction chain");
        }
        return switch (t.command()) {
            case BEGIN, START_TRANSACTION -> control(ControlKind.BEGIN, st, null, modes(t.modes()));
            case COMMIT -> control(ControlKind.COMMIT, st, null, ControlArgs.NONE);
            case ROLLBACK -> control(ControlKind.ROLLBACK, st, null, ControlArgs.NONE);
            case SAVEPOINT -> control(ControlKind.SAVEPOINT, st, null, ControlArgs.named(t.savepoint()));
            case RELEASE_SAVEPOINT -> control(ControlKind.RELEASE_SAVEPOINT, st, null, ControlArgs.named(t.savepoint()));
            case ROLLBACK_TO_SAVEPOINT ->
                    control(ControlKind.ROLLBACK_TO_SAVEPOINT, st, null, ControlArgs.named(t.savepoint()));
        };
    }

    static GuardDecision session(SessionSet s, Statement st) {
        boolean local = s.scope() == SetScope.LOCAL;
        return switch (s.action()) {
            case SHOW -> control(ControlKind.SHOW, st, s.name(), ControlArgs.NONE);
            case RESET -> control(ControlKind.RESET, st, s.name(), ControlArgs.setDefault(false));
            case SET -> {
                if (s.name().equals("transaction") || s.name().equals("session_characteristics")) {
                    yield control(ControlKind.SET, st, s.name(), modes(s.modes()));
                }
                yield control(ControlKind.SET, st, s.name(),
                        s.toDefault() ? ControlArgs.setDefault(local) : ControlArgs.set(s.values(), local));
            }
        };
    }

    static GuardDecision deallocate(StatementKind.Deallocate d, Statement st) {
        return control(ControlKind.DEALLOCATE, st, null,
                d.all() ? ControlArgs.everything() : ControlArgs.named(d.name()));
    }

    static GuardDecision fetch(StatementKind.FetchCursor f, Statement st) {
        return control(f.move() ? ControlKind.MOVE : ControlKind.FETCH, st, null,
                ControlArgs.cursor(f.direction().name(), f.count(), f.all(), f.cursorName()));
    }

    static GuardDecision close(StatementKind.CloseCursor c, Statement st) {
        return control(ControlKind.CLOSE, st, null, c.all() ? ControlArgs.everything() : ControlArgs.named(c.name()));
    }

    static SessionControl control(ControlKind kind, Statement st, String setting, ControlArgs args) {
        return new SessionControl(kind, st.text(), setting, args);
    }

    private static ControlArgs modes(TransactionModes m) {
        return ControlArgs.transaction(m.isolationLevel(), m.readOnly(), m.deferrable());
    }
}
