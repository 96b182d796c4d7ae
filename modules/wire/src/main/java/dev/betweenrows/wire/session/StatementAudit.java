package dev.betweenrows.wire.session;

import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.wire.message.ErrorResponse;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one audit record per statement of a session. The record is written after the statement ran upstream and
 * before its completion (CommandComplete and ReadyForQuery) is flushed to the client; {@link AuditSink#record}
 * returns once the record is journaled. When it cannot be written, the caller withdraws the statement's unflushed
 * output and answers 53400, and every following statement is refused with 53400 until a refusal's own record is
 * written again (the sink has room) — nothing runs unaudited while the audit is down. Session thread only.
 */
final class StatementAudit {
    private static final Logger LOG = Logger.getLogger(StatementAudit.class.getName());
    static final String UNAVAILABLE_STATE = "53400";
    static final String UNAVAILABLE_MESSAGE = "audit unavailable: statement refused";

    /** Who and where, fixed for the session. */
    record Identity(long sessionId, String userId, String username, String dataSourceId, String dataSourceName,
                    String clientAddress) {}

    /** One statement's start: its index in the Query message (0 for the extended protocol) and exact text. */
    record Run(int index, Protocol protocol, String originalSql, long startNanos) {
        static Run start(int index, Protocol protocol, String originalSql) {
            return new Run(index, protocol, originalSql, System.nanoTime());
        }
    }

    /**
     * What the guard said and what went upstream.
     *
     * @param sentSql    exactly what was sent upstream (rewritten or rebuilt), or null when nothing was
     * @param refusal    the guard's refusal, or null
     * @param parameters the Bind parameter values as JSON, recorded only when the options say so, else null
     */
    record Outcome(String sentSql, List<AppliedPolicy> policies, Refuse refusal, long guardNanos, String parameters) {
        Outcome {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }
    }

    private final AuditSink sink;
    private final Identity identity;
    private final Supplier<String> applicationName;
    private final boolean recordParameters;
    private boolean unavailable;

    StatementAudit(AuditSink sink, Identity identity, Supplier<String> applicationName, boolean recordParameters) {
        this.sink = sink;
        this.identity = identity;
        this.applicationName = applicationName;
        this.recordParameters = recordParameters;
    }

    boolean recordParameters() {
        return recordParameters;
    }

    /** True after a record could not be written: the next statement must be refused ({@link #refuse}). */
    boolean refusing() {
        return unavailable;
    }

    /** Refuses {@code run} with 53400 and records the refusal; a written record ends the refusing state. */
    void refuse(Run run, ClientChannel channel) {
        ErrorResponse e = ErrorResponse.error("ERROR", UNAVAILABLE_STATE, UNAVAILABLE_MESSAGE);
        channel.send(e);
        Refuse refusal = new Refuse(UNAVAILABLE_STATE, UNAVAILABLE_MESSAGE, "audit sink refused the previous record");
        write(record(run, new Outcome(null, List.of(), refusal, 0, null), channel.output()));
    }

    /**
     * Records a statement that ran (or was refused by the guard or the wire) with what it sent the client.
     *
     * @return false when the record could not be written: the caller must withhold the result
     */
    boolean statement(Run run, Outcome outcome, StatementOutput output) {
        return write(record(run, outcome, output));
    }

    private boolean write(QueryAuditRecord record) {
        try {
            sink.record(record);
            unavailable = false;
            return true;
        } catch (RuntimeException e) { // AuditUnavailableException and anything else: fail closed
            if (!unavailable) {
                LOG.log(Level.WARNING, "audit unavailable in session " + identity.sessionId()
                        + ": refusing statements until it accepts records again (" + e.getMessage() + ")");
            }
            unavailable = true;
            return false;
        }
    }

    private QueryAuditRecord record(Run run, Outcome o, StatementOutput out) {
        long total = (System.nanoTime() - run.startNanos()) / 1_000;
        Decision decision;
        String sqlState = null;
        String message = null;
        String reason = null;
        ErrorResponse error = out.error();
        if (o.refusal() != null) {
            decision = Decision.DENIED;
            sqlState = o.refusal().sqlState();
            message = o.refusal().message();
            reason = o.refusal().reason();
        } else if (error != null) {
            sqlState = error.sqlState();
            message = error.message();
            if ("57014".equals(sqlState)) {
                decision = Decision.CANCELLED;
            } else if (out.upstreamError()) {
                decision = Decision.ERROR;
            } else {
                decision = Decision.DENIED; // the wire's own refusal (allowlist, read-only, not supported)
                reason = "refused by the proxy";
            }
        } else {
            decision = Decision.ALLOWED;
        }
        List<AppliedPolicyRef> policies = o.policies().stream()
                .map(p -> new AppliedPolicyRef(p.id(), p.name(), p.version())).toList();
        return new QueryAuditRecord(QueryAuditRecord.newId(), Instant.now(), QueryAuditRecord.Kind.STATEMENT,
                identity.userId(), identity.username(), identity.dataSourceId(), identity.dataSourceName(),
                identity.clientAddress(), applicationName.get(), identity.sessionId(), run.index(),
                run.protocol().name().toLowerCase(java.util.Locale.ROOT), run.originalSql(), o.sentSql(), policies,
                decision, sqlState, message, reason, o.guardNanos() / 1_000, total, out.rows(), out.bytes(),
                recordParameters ? o.parameters() : null);
    }
}
