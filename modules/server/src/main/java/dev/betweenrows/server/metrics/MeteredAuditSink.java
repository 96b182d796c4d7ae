package dev.betweenrows.server.metrics;

import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditUnavailableException;
import dev.betweenrows.store.QueryAuditRecord;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every data-plane statement and login passes through the audit sink with its decision and guard
 * time, so this decorator is where the data-plane metrics come from (exposed at {@code /observe/metrics}):
 * statements and logins by decision, guard latency, audit backlog, write failures and refusals.
 */
public final class MeteredAuditSink implements AuditSink {
    private final AuditSink delegate;
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Timer guard;
    private final Counter refusals;
    // created once per decision: the registry lookup stays off the per-statement path
    private final Map<QueryAuditRecord.Decision, Counter> statements = new EnumMap<>(QueryAuditRecord.Decision.class);
    private final Map<QueryAuditRecord.Decision, Counter> logins = new EnumMap<>(QueryAuditRecord.Decision.class);

    public MeteredAuditSink(AuditSink delegate) {
        this.delegate = delegate;
        this.guard = registry.getOrCreate(Timer.builder("betweenrows.guard.latency")
                .description("time the statement guard took per statement (classify, parse, rewrite or cache hit)"));
        this.refusals = registry.getOrCreate(Counter.builder("betweenrows.audit.refusals")
                .description("statements refused because the audit backlog was full"));
        for (QueryAuditRecord.Decision d : QueryAuditRecord.Decision.values()) {
            statements.put(d, counter("betweenrows.statements", "data-plane statements by decision", d));
            logins.put(d, counter("betweenrows.logins", "data-plane login attempts by decision", d));
        }
        registry.getOrCreate(Gauge.builder("betweenrows.audit.backlog", delegate, d -> d.backlog())
                .description("audit records journaled but not yet in the store"));
        registry.getOrCreate(Gauge.builder("betweenrows.audit.write.failures", delegate, d -> d.writeFailures())
                .description("failed batch writes of the audit to the store (retried)"));
    }

    @Override
    public void record(QueryAuditRecord record) {
        try {
            delegate.record(record);
        } catch (AuditUnavailableException e) {
            refusals.increment();
            throw e;
        }
        if (record.kind() == QueryAuditRecord.Kind.LOGIN) {
            logins.get(record.decision()).increment();
            return;
        }
        statements.get(record.decision()).increment();
        if (record.guardMicros() != null) guard.record(record.guardMicros(), TimeUnit.MICROSECONDS);
    }

    private Counter counter(String name, String description, QueryAuditRecord.Decision decision) {
        return registry.getOrCreate(Counter.builder(name).description(description)
                .tags(List.of(Tag.create("decision", decision.name().toLowerCase(Locale.ROOT)))));
    }

    @Override
    public int backlog() {
        return delegate.backlog();
    }

    @Override
    public long writeFailures() {
        return delegate.writeFailures();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
