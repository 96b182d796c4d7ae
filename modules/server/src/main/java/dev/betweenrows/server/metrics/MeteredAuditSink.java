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

import java.util.List;
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

    public MeteredAuditSink(AuditSink delegate) {
        this.delegate = delegate;
        this.guard = registry.getOrCreate(Timer.builder("betweenrows.guard.latency")
                .description("time the statement guard took per statement (classify, parse, rewrite or cache hit)"));
        this.refusals = registry.getOrCreate(Counter.builder("betweenrows.audit.refusals")
                .description("statements refused because the audit backlog was full"));
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
        String decision = record.decision().name().toLowerCase(Locale.ROOT);
        if (record.kind() == QueryAuditRecord.Kind.LOGIN) {
            counter("betweenrows.logins", "data-plane login attempts by decision", decision).increment();
            return;
        }
        counter("betweenrows.statements", "data-plane statements by decision", decision).increment();
        if (record.guardMicros() != null) guard.record(record.guardMicros(), TimeUnit.MICROSECONDS);
    }

    private Counter counter(String name, String description, String decision) {
        return registry.getOrCreate(Counter.builder(name).description(description)
                .tags(List.of(Tag.create("decision", decision))));
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
