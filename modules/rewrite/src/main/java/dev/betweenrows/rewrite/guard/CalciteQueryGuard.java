package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.rewrite.classify.StatementClassifier;
import dev.betweenrows.rewrite.classify.StatementKind;
import dev.betweenrows.rewrite.lex.LexException;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import java.util.List;

/**
 * The statement guard: split, classify, then rewrite queries, answer trivial session queries locally, hand
 * session and transaction control to the wire, refuse the rest. Fails closed: any unexpected error is a refusal.
 *
 * <p>One statement per check: a text with several statements is refused with {@code 0A000} for now; the wire
 * is to split simple-protocol strings and call the guard per statement.
 */
public final class CalciteQueryGuard implements QueryGuard {
    private final QueryPath queries;

    public CalciteQueryGuard(String serverVersion, List<String> searchPath, int cacheSize) {
        this.queries = new QueryPath(serverVersion, searchPath, new RewriteCache(cacheSize));
    }

    @Override
    public GuardDecision check(GuardRequest request) {
        try {
            return decide(request.sql(), request.session());
        } catch (LexException e) {
            return new Refuse(e.sqlState(), e.getMessage(), null, Math.max(0, e.offset()) + 1, "lexer: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Refuse("XX000", "internal error while checking the statement", null, 0,
                    "guard failure: " + e);
        }
    }

    private GuardDecision decide(String sql, GuardSession session) {
        List<Statement> statements = StatementSplitter.split(sql);
        if (statements.size() > 1) {
            return new Refuse("0A000", "multiple statements not supported yet", "send one statement per query",
                    statements.get(1).start() + 1, "multi-statement text");
        }
        Statement st = statements.get(0);
        StatementKind kind = StatementClassifier.classify(st);
        return switch (kind) {
            case StatementKind.Empty e -> control(ControlKind.EMPTY, st, null);
            case StatementKind.Transaction t -> control(transaction(t.command()), st, null);
            case StatementKind.SessionSet s -> control(ControlKind.valueOf(s.action().name()), st, s.name());
            case StatementKind.DiscardAll d -> control(ControlKind.DISCARD, st, null);
            case StatementKind.Deallocate d -> control(ControlKind.DEALLOCATE, st, null);
            case StatementKind.FetchCursor f -> control(f.move() ? ControlKind.MOVE : ControlKind.FETCH, st, null);
            case StatementKind.CloseCursor c -> control(ControlKind.CLOSE, st, null);
            case StatementKind.DeclareCursor d -> queries.query(st, d.bodyOffset(), d.body(), session);
            case StatementKind.Query q -> queries.query(st, st.start(), q, session);
            case StatementKind.Write w -> new Refuse(w.sqlState(), w.message(), null, 0, "write: " + w.command());
            case StatementKind.Refused r -> new Refuse(r.sqlState(), r.message(), null,
                    r.position() >= 0 ? r.position() + 1 : 0, "refused: " + r.command());
        };
    }

    private static SessionControl control(ControlKind kind, Statement st, String setting) {
        return new SessionControl(kind, st.text(), setting);
    }

    private static ControlKind transaction(StatementKind.TransactionCommand command) {
        return switch (command) {
            case BEGIN, START_TRANSACTION -> ControlKind.BEGIN;
            case COMMIT -> ControlKind.COMMIT;
            case ROLLBACK -> ControlKind.ROLLBACK;
            case SAVEPOINT -> ControlKind.SAVEPOINT;
            case RELEASE_SAVEPOINT -> ControlKind.RELEASE_SAVEPOINT;
            case ROLLBACK_TO_SAVEPOINT -> ControlKind.ROLLBACK_TO_SAVEPOINT;
        };
    }
}
