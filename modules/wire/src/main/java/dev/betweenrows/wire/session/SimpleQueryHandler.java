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
 * Answers one simple-protocol Query through the QueryGuard (everything but the final ReadyForQuery).
 * The whole Query text goes to the guard once: splitting a multi-statement string with a PostgreSQL-aware
 * lexer, and skipping the rest of a batch after an error, belong in the guard (issue 3 item 7) — the wire
 * just maps the decision. Forward runs the guard's rewritten text on the pinned upstream session and relays
 * the results raw; without an upstream it is refused with 08006.
 */
final class SimpleQueryHandler {
    private static final Logger LOG = Logger.getLogger(SimpleQueryHandler.class.getName());

    private final QueryGuard guard;
    private final SessionControlHandler control;
    private final UpstreamSession upstream; // null: the data source has none

    SimpleQueryHandler(QueryGuard guard, SessionControlHandler control) {
        this(guard, control, null);
    }

    SimpleQueryHandler(QueryGuard guard, SessionControlHandler control, UpstreamSession upstream) {
        this.guard = guard;
        this.control = control;
        this.upstream = upstream;
    }

    void handle(String sql, GuardSession session, ClientChannel channel) throws IOException {
        if (sql.isBlank()) {
            channel.send(EmptyQueryResponse.INSTANCE);
            return;
        }
        switch (decide(sql, session)) {
            case GuardDecision.Refuse refuse -> channel.send(error(refuse));
            case GuardDecision.AnswerLocally answer -> answer(answer, channel);
            case GuardDecision.SessionControl sc -> control.handle(sc, channel);
            case GuardDecision.Forward forward -> {
                if (upstream == null) {
                    channel.send(ErrorResponse.error("ERROR", UpstreamException.SQLSTATE, UpstreamException.CLIENT_MESSAGE));
                } else {
                    upstream.forward(forward.rewrittenSql(), channel);
                }
            }
        }
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
        ErrorResponse e = ErrorResponse.error("ERROR", refuse.sqlState(), refuse.message());
        if (refuse.hint() != null) {
            e = e.with(ErrorFields.HINT, refuse.hint());
        }
        if (refuse.position() > 0) {
            e = e.with(ErrorFields.POSITION, Integer.toString(refuse.position()));
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
