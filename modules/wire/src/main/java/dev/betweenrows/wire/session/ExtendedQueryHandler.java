package dev.betweenrows.wire.session;

import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.Close;
import dev.betweenrows.wire.message.CloseComplete;
import dev.betweenrows.wire.message.Describe;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.Flush;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.ObjectKind;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.Sync;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The extended protocol over the pinned upstream session. Each Parse goes through the guard once and the
 * rewritten text is parsed upstream under the client's statement name with the client's parameter types;
 * Bind/Describe/Execute/Close go upstream unchanged (parameters and format codes included) and their
 * responses are relayed raw. Responses are only read when the client asks for them (Sync or Flush): the
 * handler knows which responses each forwarded message produces, so it relays exactly those. After an
 * error — the guard's or the upstream's — everything up to Sync is skipped, as PostgreSQL does.
 *
 * <p>A statement the guard answers locally (an emulated catalog query) never goes upstream: {@link LocalFlow}
 * answers its Parse/Bind/Describe/Execute/Close in order, asking the guard again at each Bind with the values.
 *
 * <p>Audit: one record per Execute (written when its CommandComplete/PortalSuspended/error arrives, before that
 * is flushed), one per Parse the guard refused, one per Parse or Bind the upstream failed. When an Execute's record
 * cannot be written its output is withdrawn, the client gets 53400, and the responses still owed for the batch are
 * read and dropped.
 */
final class ExtendedQueryHandler {
    private static final Logger LOG = Logger.getLogger(ExtendedQueryHandler.class.getName());

    private enum Kind { PARSE, BIND, CLOSE, DESCRIBE_STATEMENT, DESCRIBE_PORTAL, EXECUTE }

    /** A statement the guard let through: what the audit needs about it. */
    private record Prepared(String originalSql, String sentSql, List<AppliedPolicy> policies, long guardNanos) {}

    /** A forwarded message awaiting its responses; {@code run}/{@code prepared} only for audited ones. */
    private record Pending(Kind kind, Prepared prepared, StatementAudit.Run run, String parameters) {}

    private final QueryGuard guard;
    private final UpstreamSession upstream;
    private final StatementAudit audit;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    final Map<String, Prepared> statements = new HashMap<>();
    final Map<String, Pending> portals = new HashMap<>();
    final LocalStatements local = new LocalStatements();
    private final LocalFlow localFlow;
    boolean skippingToSync;
    private boolean dropping; // an audit write failed: owed responses are read and dropped until Sync
    private String lastSql = "";

    ExtendedQueryHandler(QueryGuard guard, UpstreamSession upstream, StatementAudit audit) {
        this.guard = guard;
        this.upstream = upstream;
        this.audit = audit;
        this.localFlow = new LocalFlow(this, audit);
    }

    /** Parse, Bind, Describe, Execute or Close (buffers; nothing is read from upstream here). */
    void handle(FrontendMessage message, GuardSession session, ClientChannel channel) throws IOException {
        if (skippingToSync) {
            return;
        }
        switch (message) {
            case Parse p -> parse(p, session, channel);
            case Bind b when local.statements.containsKey(b.statement()) -> localFlow.bind(b, session, channel);
            case Describe d when d.kind() == ObjectKind.STATEMENT && local.statements.containsKey(d.name()) ->
                    localFlow.answer(channel, LocalStatements.describe(local.statements.get(d.name())));
            case Describe d when d.kind() == ObjectKind.PORTAL && local.portals.containsKey(d.name()) ->
                    localFlow.answer(channel, List.of(LocalStatements.describe(local.portals.get(d.name()))));
            case Execute e when local.portals.containsKey(e.portal()) -> localFlow.execute(e, channel);
            // a local statement or portal is forgotten here and its CloseComplete made locally
            case Close c when (c.kind() == ObjectKind.STATEMENT ? local.statements : local.portals)
                    .remove(c.name()) != null -> localFlow.answer(channel, List.of(CloseComplete.INSTANCE));
            case Bind b -> {
                local.portals.remove(b.portal());
                Prepared prepared = statements.get(b.statement());
                String params = audit.recordParameters() ? BindParameters.json(b) : null;
                Pending bind = new Pending(Kind.BIND, prepared,
                        prepared == null ? null : StatementAudit.Run.start(0, Protocol.EXTENDED, prepared.originalSql()),
                        params);
                portals.put(b.portal(), bind);
                forward(b, bind);
            }
            case Describe d -> forward(d, new Pending(d.kind() == ObjectKind.STATEMENT ? Kind.DESCRIBE_STATEMENT
                    : Kind.DESCRIBE_PORTAL, null, null, null));
            case Execute e -> execute(e, channel);
            case Close c -> {
                if (c.kind() == ObjectKind.STATEMENT) statements.remove(c.name());
                else portals.remove(c.name());
                forward(c, new Pending(Kind.CLOSE, null, null, null));
            }
            default -> throw new IllegalArgumentException("not an extended-protocol message: " + message);
        }
    }

    /** A simple Query in the middle of a batch: the responses owed so far come first. */
    void beforeSimpleQuery(ClientChannel channel) throws IOException {
        if (!pending.isEmpty()) {
            upstream.send(Flush.INSTANCE);
            drain(channel);
        }
    }

    /** Flush: relays what the upstream has answered so far. */
    void flush(ClientChannel channel) throws IOException {
        if (!pending.isEmpty()) {
            upstream.send(Flush.INSTANCE);
            drain(channel);
        }
        channel.flush();
    }

    /** Sync: relays every outstanding response and the upstream's ReadyForQuery (whose status the loop reports). */
    void sync(ClientChannel channel) throws IOException {
        upstream.send(Sync.INSTANCE);
        drain(channel);
        upstream.awaitReady(channel, lastSql);
        skippingToSync = false;
        dropping = false;
    }

    private void parse(Parse p, GuardSession session, ClientChannel channel) throws IOException {
        StatementAudit.Run run = StatementAudit.Run.start(0, Protocol.EXTENDED, p.sql());
        if (audit.refusing()) {
            refuseForAudit(run, channel);
            return;
        }
        long g0 = System.nanoTime();
        GuardDecision decision = decide(new GuardRequest(session, Protocol.EXTENDED, p.sql(), p.parameterTypes()),
                session);
        long guardNanos = System.nanoTime() - g0;
        Prepared prepared = switch (decision) {
            case GuardDecision.Forward f -> new Prepared(p.sql(), f.rewrittenSql(), f.policies(), guardNanos);
            case GuardDecision.SessionControl sc -> {
                String tx = SessionControlHandler.transactionStatement(sc);
                yield tx == null ? null : new Prepared(p.sql(), tx, List.of(), guardNanos);
            }
            case GuardDecision.Refuse r -> {
                refuse(run, r, SimpleQueryHandler.error(r), guardNanos, channel);
                yield null;
            }
            case GuardDecision.AnswerLocally a -> {
                localFlow.parse(p, a, run, guardNanos, channel);
                yield null;
            }
        };
        if (prepared == null && decision instanceof GuardDecision.SessionControl) {
            GuardDecision.Refuse r = new GuardDecision.Refuse("0A000",
                    "this statement is not supported by the proxy in the extended protocol yet", "extended: "
                    + decision.getClass().getSimpleName());
            refuse(run, r, SimpleQueryHandler.error(r), guardNanos, channel);
        }
        if (prepared != null && local.statements.containsKey(p.name()) && !p.name().isEmpty()) {
            GuardDecision.Refuse r = LocalFlow.duplicate(p.name());
            refuse(run, r, SimpleQueryHandler.error(r), guardNanos, channel);
        } else if (prepared != null) {
            local.statements.remove(p.name());
            lastSql = prepared.sentSql();
            statements.put(p.name(), prepared);
            forward(new Parse(p.name(), prepared.sentSql(), p.parameterTypes()), new Pending(Kind.PARSE, prepared,
                    run, null));
        }
    }

    private void execute(Execute e, ClientChannel channel) throws IOException {
        Pending bound = portals.get(e.portal());
        Prepared prepared = bound == null ? null : bound.prepared();
        StatementAudit.Run run = StatementAudit.Run.start(0, Protocol.EXTENDED,
                prepared == null ? "" : prepared.originalSql());
        if (audit.refusing()) {
            refuseForAudit(run, channel);
            return;
        }
        forward(e, new Pending(Kind.EXECUTE, prepared, run, bound == null ? null : bound.parameters()));
    }

    GuardDecision decide(GuardRequest request, GuardSession session) {
        try {
            GuardDecision d = guard.check(request);
            if (d == null) {
                throw new IllegalStateException("guard returned no decision");
            }
            return d;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "query guard failed in session " + session.sessionId() + "; statement refused", e);
            return new GuardDecision.Refuse("XX000", "internal error", "guard threw " + e.getClass().getName());
        }
    }

    private void forward(FrontendMessage m, Pending answer) {
        upstream.send(m);
        pending.add(answer);
    }

    /** A guard refusal: answered in order, then audited (the refusal is already decided, so no withdrawal). */
    void refuse(StatementAudit.Run run, GuardDecision.Refuse r, ErrorResponse error, long guardNanos,
                ClientChannel channel) throws IOException {
        answerOwed(channel);
        if (skippingToSync) {
            return; // an earlier message failed upstream: PostgreSQL would not have reached this one
        }
        ClientChannel.Mark mark = channel.beginStatement();
        channel.send(error);
        if (!audit.statement(run, new StatementAudit.Outcome(null, List.of(), r, guardNanos, null), channel.output())) {
            channel.withdraw(mark);
            channel.send(unavailable());
        }
        skippingToSync = true;
    }

    void refuseForAudit(StatementAudit.Run run, ClientChannel channel) throws IOException {
        answerOwed(channel);
        if (!skippingToSync) {
            channel.beginStatement();
            audit.refuse(run, channel);
        }
        skippingToSync = true;
    }

    void answerOwed(ClientChannel channel) throws IOException {
        if (!pending.isEmpty()) {
            upstream.send(Flush.INSTANCE);
            drain(channel);
        }
    }

    /** Relays the responses of every pending message; an upstream error ends them all (upstream skips too). */
    private void drain(ClientChannel channel) throws IOException {
        upstream.flushUpstream();
        ClientChannel.Mark mark = null;
        while (!pending.isEmpty()) {
            Pending next = pending.peekFirst();
            if (mark == null) {
                mark = channel.beginStatement();
            }
            int type = upstream.relayOne(channel, lastSql, !dropping);
            boolean done = type == 'E' || isFinal(next.kind(), type);
            if (done && !dropping && next.run() != null && (next.kind() == Kind.EXECUTE || type == 'E')) {
                audited(next, channel, mark);
            }
            if (type == 'E') {
                pending.clear();
                skippingToSync = true;
                return;
            }
            if (done) {
                pending.removeFirst();
                mark = null;
            }
        }
    }

    /** Writes the record of an Execute (or a failed Parse/Bind); on failure withdraws its output. */
    private void audited(Pending p, ClientChannel channel, ClientChannel.Mark mark) {
        Prepared prepared = p.prepared();
        StatementAudit.Outcome outcome = prepared == null
                ? new StatementAudit.Outcome(null, List.of(), null, 0, p.parameters())
                : new StatementAudit.Outcome(prepared.sentSql(), prepared.policies(), null, prepared.guardNanos(),
                        p.parameters());
        if (!audit.statement(p.run(), outcome, channel.output())) {
            channel.withdraw(mark);
            channel.send(unavailable());
            dropping = true;
            skippingToSync = true;
        }
    }

    static ErrorResponse unavailable() {
        return ErrorResponse.error("ERROR", StatementAudit.UNAVAILABLE_STATE, StatementAudit.UNAVAILABLE_MESSAGE);
    }

    private static boolean isFinal(Kind k, int type) {
        return switch (k) {
            case PARSE -> type == '1';
            case BIND -> type == '2';
            case CLOSE -> type == '3';
            case DESCRIBE_STATEMENT, DESCRIBE_PORTAL -> type == 'T' || type == 'n';
            case EXECUTE -> type == 'C' || type == 'I' || type == 's';
        };
    }
}
