package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.BindComplete;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.ParseComplete;
import java.io.IOException;
import java.util.List;

/**
 * The extended-protocol flow of statements the guard answers in-process ({@link LocalStatements}): their responses
 * are made here, in order after the upstream responses owed so far, and their Executes audited like the simple
 * protocol's local answers. Part of {@link ExtendedQueryHandler}, whose ordering and error state it shares.
 */
final class LocalFlow {
    private final ExtendedQueryHandler h;
    private final StatementAudit audit;

    LocalFlow(ExtendedQueryHandler handler, StatementAudit audit) {
        this.h = handler;
        this.audit = audit;
    }

    /** A statement the guard answers in-process: nothing goes upstream; Bind asks the guard again with values. */
    void parse(Parse p, GuardDecision.AnswerLocally shape, StatementAudit.Run run, long guardNanos,
               ClientChannel channel) throws IOException {
        if (!p.name().isEmpty() && (h.statements.containsKey(p.name()) || h.local.statements.containsKey(p.name()))) {
            h.refuse(run, duplicate(p.name()), SimpleQueryHandler.error(duplicate(p.name())), guardNanos, channel);
            return;
        }
        h.statements.remove(p.name());
        h.local.statements.put(p.name(), new LocalStatements.Statement(p.sql(), p.parameterTypes(), shape.columns()));
        answer(channel, List.of(ParseComplete.INSTANCE));
    }

    void bind(Bind b, GuardSession session, ClientChannel channel) throws IOException {
        LocalStatements.Statement s = h.local.statements.get(b.statement());
        StatementAudit.Run run = StatementAudit.Run.start(0, Protocol.EXTENDED, s.sql());
        h.portals.remove(b.portal());
        h.local.portals.remove(b.portal());
        long g0 = System.nanoTime();
        GuardDecision decision;
        try {
            List<String> values = LocalValues.parameters(b.parameterFormats(), b.parameters(), s.parameterTypes());
            decision = h.decide(new GuardRequest(session, Protocol.EXTENDED, s.sql(), s.parameterTypes(), values),
                    session);
        } catch (LocalValues.Unsupported e) {
            decision = new GuardDecision.Refuse(e.sqlState, e.getMessage(), "bind: " + e.getMessage());
        }
        long guardNanos = System.nanoTime() - g0;
        LocalStatements.Bound bound = decision instanceof GuardDecision.AnswerLocally a
                ? LocalStatements.bind(s, a, b.resultFormats(),
                        audit.recordParameters() ? BindParameters.json(b) : null, guardNanos)
                : LocalStatements.Bound.refused(decision instanceof GuardDecision.Refuse r ? r
                        : new GuardDecision.Refuse("0A000", "this statement is not supported by the proxy in the "
                        + "extended protocol yet", "extended bind: " + decision.getClass().getSimpleName()));
        if (bound.refusal() != null) {
            h.refuse(run, bound.refusal(), SimpleQueryHandler.error(bound.refusal()), guardNanos, channel);
            return;
        }
        h.local.portals.put(b.portal(), bound.portal());
        answer(channel, List.of(BindComplete.INSTANCE));
    }

    /** Execute of a local portal: its rows, audited like a simple-protocol local answer. */
    void execute(Execute e, ClientChannel channel) throws IOException {
        LocalStatements.Portal portal = h.local.portals.get(e.portal());
        StatementAudit.Run run = StatementAudit.Run.start(0, Protocol.EXTENDED, portal.statement.sql());
        if (audit.refusing()) {
            h.refuseForAudit(run, channel);
            return;
        }
        h.answerOwed(channel);
        if (h.skippingToSync) {
            return;
        }
        ClientChannel.Mark mark = channel.beginStatement();
        LocalStatements.execute(portal, e.maxRows()).forEach(channel::send);
        if (!audit.statement(run, new StatementAudit.Outcome(null, List.of(), null, portal.guardNanos,
                portal.parameters), channel.output())) {
            channel.withdraw(mark);
            channel.send(ExtendedQueryHandler.unavailable());
            h.skippingToSync = true;
        }
    }

    /** Local responses come after the upstream responses owed so far, and not at all after an error. */
    void answer(ClientChannel channel, List<BackendMessage> messages) throws IOException {
        h.answerOwed(channel);
        if (!h.skippingToSync) {
            messages.forEach(channel::send);
        }
    }

    static GuardDecision.Refuse duplicate(String name) {
        return new GuardDecision.Refuse("42P05", "prepared statement \"" + name + "\" already exists",
                "duplicate statement name");
    }
}
