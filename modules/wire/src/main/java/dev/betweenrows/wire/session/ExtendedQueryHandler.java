package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.Close;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The extended protocol over the pinned upstream session. Each Parse goes through the guard once and the
 * rewritten text is parsed upstream under the client's statement name with the client's parameter types;
 * Bind/Describe/Execute/Close go upstream unchanged (parameters and format codes included) and their
 * responses are relayed raw. Responses are only read when the client asks for them (Sync or Flush): the
 * handler knows which responses each forwarded message produces, so it relays exactly those. After an
 * error — the guard's or the upstream's — everything up to Sync is skipped, as PostgreSQL does.
 */
final class ExtendedQueryHandler {
    private static final Logger LOG = Logger.getLogger(ExtendedQueryHandler.class.getName());

    /** What a forwarded message answers with; the relay reads until that message's final response. */
    private enum Pending { PARSE, BIND, CLOSE, DESCRIBE_STATEMENT, DESCRIBE_PORTAL, EXECUTE }

    private final QueryGuard guard;
    private final UpstreamSession upstream;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private boolean skippingToSync;
    private String lastSql = "";

    ExtendedQueryHandler(QueryGuard guard, UpstreamSession upstream) {
        this.guard = guard;
        this.upstream = upstream;
    }

    /** Parse, Bind, Describe, Execute or Close (buffers; nothing is read from upstream here). */
    void handle(FrontendMessage message, GuardSession session, ClientChannel channel) throws IOException {
        if (skippingToSync) {
            return;
        }
        switch (message) {
            case Parse p -> parse(p, session, channel);
            case Bind b -> forward(b, Pending.BIND);
            case Describe d -> forward(d, d.kind() == ObjectKind.STATEMENT ? Pending.DESCRIBE_STATEMENT
                    : Pending.DESCRIBE_PORTAL);
            case Execute e -> forward(e, Pending.EXECUTE);
            case Close c -> forward(c, Pending.CLOSE);
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
    }

    private void parse(Parse p, GuardSession session, ClientChannel channel) throws IOException {
        String sql = switch (decide(p, session)) {
            case GuardDecision.Forward f -> f.rewrittenSql();
            case GuardDecision.SessionControl sc -> {
                String tx = SessionControlHandler.transactionStatement(sc);
                if (tx == null) {
                    fail(channel, ErrorResponse.error("ERROR", "0A000",
                            "this statement is not supported by the proxy in the extended protocol yet"));
                }
                yield tx;
            }
            case GuardDecision.Refuse r -> {
                fail(channel, SimpleQueryHandler.error(r));
                yield null;
            }
            case GuardDecision.AnswerLocally a -> {
                fail(channel, ErrorResponse.error("ERROR", "0A000",
                        "this statement is not supported by the proxy in the extended protocol yet"));
                yield null;
            }
        };
        if (sql != null) {
            lastSql = sql;
            forward(new Parse(p.name(), sql, p.parameterTypes()), Pending.PARSE);
        }
    }

    private GuardDecision decide(Parse p, GuardSession session) {
        try {
            GuardDecision d = guard.check(new GuardRequest(session, Protocol.EXTENDED, p.sql(), p.parameterTypes()));
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

    /** A local error: earlier forwarded messages are answered first, so responses stay in order. */
    private void fail(ClientChannel channel, ErrorResponse error) throws IOException {
        if (!pending.isEmpty()) {
            upstream.send(Flush.INSTANCE);
            drain(channel);
        }
        if (!skippingToSync) {
            channel.send(error);
        }
        skippingToSync = true;
    }

    /** Relays the responses of every pending message; an upstream error ends them all (upstream skips too). */
    private void drain(ClientChannel channel) throws IOException {
        upstream.flushUpstream();
        while (!pending.isEmpty()) {
            Pending next = pending.peekFirst();
            int type = upstream.relayOne(channel, lastSql);
            if (type == 'E') {
                pending.clear();
                skippingToSync = true;
                return;
            }
            if (isFinal(next, type)) {
                pending.removeFirst();
            }
        }
    }

    private static boolean isFinal(Pending p, int type) {
        return switch (p) {
            case PARSE -> type == '1';
            case BIND -> type == '2';
            case CLOSE -> type == '3';
            case DESCRIBE_STATEMENT, DESCRIBE_PORTAL -> type == 'T' || type == 'n';
            case EXECUTE -> type == 'C' || type == 'I' || type == 's';
        };
    }

}
