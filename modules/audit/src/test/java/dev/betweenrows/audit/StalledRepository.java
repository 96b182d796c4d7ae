package dev.betweenrows.audit;

import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** The real repository whose inserts hang until {@code back} opens: a stalled store. */
record StalledRepository(QueryAuditRepository real, CountDownLatch back) implements QueryAuditRepository {
    @Override
    public void insertAll(Collection<QueryAuditRecord> records) {
        try {
            back.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        real.insertAll(records);
    }

    @Override public Page<QueryAuditRecord> list(QueryAuditFilter f, PageRequest p) { return real.list(f, p); }
    @Override public Optional<QueryAuditRecord> find(String id) { return real.find(id); }
    @Override public long count(QueryAuditFilter f) { return real.count(f); }
    @Override public void export(Instant from, Instant to, Consumer<QueryAuditRecord> sink) { real.export(from, to, sink); }
    @Override public int purgeOlderThan(Instant before, int limit) { return real.purgeOlderThan(before, limit); }
    @Override public List<String> existing(Collection<String> ids) { return real.existing(ids); }
}
