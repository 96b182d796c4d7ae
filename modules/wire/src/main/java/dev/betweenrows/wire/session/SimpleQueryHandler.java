package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.EmptyQueryResponse;
import dev.betweenrows.wire.message.ErrorFields;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.RowDescription;
import dev.betweenrows.wire.upstream.UpstreamException;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one simple-protocol Query (everything but the final ReadyForQuery). The guard splits the text into
 * statements with its PostgreSQL-aware lexer; each statement is checked, answered (refused, answered locally,
 * handled as session control, or forwarded in its rewritten form) and audited in turn, and after the first error
 * the rest of the batch is skipped, as PostgreSQL does.
 *
 * <p>Difference from PostgreSQL: PostgreSQL runs a multi-statement Query outside an explicit transaction as one
 * implicit transaction; the proxy forwards each statement as its own Query upstream, so outside BEGIN … COMMIT
 * each statement commits on its own and a later error does not undo an earlier statement's effect (the data
 * sources are read-only, so only session settings are concerned), and {@code SET LOCAL} lasts one statement.
 */
final class SimpleQueryHandler {
    private static final Logger LOG = Logger.getLogger(SimpleQueryHandler.class.getName());

    private final QueryGuard guard;
    private final SessionControlHandler control;
    private final UpstreamSession upstream; // null: the data source has none
    private final StatementAudit audit;

    SimpleQueryHandler(QueryGuard guard, SessionControlHandler control, UpstreamSession upstream, StatementAudit audit) {
        this.guard = guard;
        this.control = control;
        this.upstream = upstream;
        this.audit = audit;
    }

    void handle(String sql, GuardSession session, ClientChannel channel) throws IOException {
        List<String> statements = split(sql, session);
        int from = 0;
        for (int i = 0; i < statements.size(); i++) {
            String text = statements.get(i);
            int at = sql.indexOf(text, from);
            from = at < 0 ? from : at + text.length();
            // error positions count from the start of the whole Query text, as PostgreSQL reports them
            int shift = at < 0 ? 0 : sql.codePointCount(0, at);
            if (!run(StatementAudit.Run.start(i, Protocol.SIMPLE, text), shift, session, channel)) {
                return;
            }
        }
    }

    /** One statement; false when it ended with an error (the rest of the batch is skipped). */
    private boolean run(StatementAudit.Run run, int shift, GuardSession session, ClientChannel channel)
            throws IOException {
        ClientChannel.Mark mark = channel.beginStatement();
        if (audit.refusing()) {
            audit.refuse(run, channel);
            return false;
        }
        if (upstream != null) {
            upstream.beginStatement();
        }
        StatementAudit.Outcome outcome;
        if (run.originalSql().isBlank()) {
            channel.send(EmptyQueryResponse.INSTANCE);
            outcome = new StatementAudit.Outcome(null, List.of(), null, 0, null);
        } else {
            long g0 = System.nanoTime();
            GuardDecision decision = decide(run.originalSql(), session);
            long guardNanos = System.nanoTime() - g0;
            outcome = execute(decision, shift, channel, guardNanos);
        }
        if (!audit.statement(run, outcome, channel.output())) {
            channel.withdraw(mark);
            channel.send(ErrorResponse.error("ERROR", StatementAudit.UNAVAILABLE_STATE,
                    StatementAudit.UNAVAILABLE_MESSAGE));
            return false;
        }
        return channel.output().error() == null;
    }

    private StatementAudit.Outcome execute(GuardDecision decision, int shift, ClientChannel channel,
                                           long guardNanos) throws IOException {
        switch (decision) {
            case GuardDecision.Refuse refuse -> {
                channel.send(error(refuse, shift));
                return new StatementAudit.Outcome(null, List.of(), refuse, guardNanos, null);
            }
            case GuardDecision.AnswerLocally answer -> answer(answer, channel);
            case GuardDecision.SessionControl sc -> control.handle(sc, channel);
            case GuardDecision.Forward forward -> {
                if (upstream == null) {
                    channel.send(ErrorResponse.error("ERROR", UpstreamException.SQLSTATE, UpstreamException.CLIENT_MESSAGE));
                } else {
                    upstream.forward(forward.rewrittenSql(), channel);
                }
                return new StatementAudit.Outcome(forward.rewrittenSql(), forward.policies(), null, guardNanos, null);
            }
        }
        return new StatementAudit.Outcome(upstream == null ? null : upstream.sentThisStatement(), List.of(), null,
                guardNanos, null);
    }

    /** The guard's split; a guard that throws or returns nothing leaves the text whole (check() then decides). */
    private List<String> split(String sql, GuardSession session) {
        try {
            List<String> statements = guard.split(sql);
            if (statements != null && !statements.isEmpty()) {
                return statements;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "query guard failed to split in session " + session.sessionId(), e);
        }
        return List.of(sql);
    }

    /** The guard must not throw; if it does, the statement is refused (fail closed), never forwarded. */
    private GuardDecision decide(String sql, GuardSession session) {
        try {
            GuardDecision decision = guard.check(new GuardRequest(session, Protocol.SIMPLE, sql, List.of()));
            if (decision == null) {
                throw new IllegalStateException("guard returned no decision");
            }
            return decision;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "query guard failed in session " + session.sessionId() + "; statement refused", e);
            return new GuardDecision.Refuse("XX000", "internal error", "guard threw " + e.getClass().getName());
        }
    }

    static ErrorResponse error(GuardDecision.Refuse refuse) {
        return error(refuse, 0);
    }

    /** {@code shift}: characters before the statement in the client's Query text. */
    static ErrorResponse error(GuardDecision.Refuse refuse, int shift) {
        ErrorResponse e = ErrorResponse.error("ERROR", refuse.sqlState(), refuse.message());
        if (refuse.hint() != null) {
            e = e.with(ErrorFields.HINT, refuse.hint());
        }
        if (refuse.position() > 0) {
            e = e.with(ErrorFields.POSITION, Integer.toString(refuse.position() + shift));
        }
        return e;
    }

    private static void answer(GuardDecision.AnswerLocally answer, ClientChannel channel) {
        if (!answer.columns().isEmpty()) {
            channel.send(new RowDescription(answer.columns().stream()
                    .map(c -> RowDescription.Field.text(c.name(), c.typeOid(), TypeSizes.of(c.typeOid())))
                    .toList()));
        }
        for (List<String> row : answer.rows()) {
            channel.send(DataRow.ofText(row.toArray(String[]::new)));
        }
        channel.send(new CommandComplete(answer.commandTag()));
    }
}
