package dev.betweenrows.audit;

import dev.betweenrows.audit.journal.Journal;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditUnavailableException;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournaledAuditSinkTest {
    @TempDir
    Path dir;
    private AdminStore store;

    private AdminStore store() {
        if (store == null) store = StoreProvider.load().open(new StoreOptions(dir.resolve("store"), new byte[32]));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    static QueryAuditRecord statement(String sql, QueryAuditRecord.Decision decision) {
        return new QueryAuditRecord(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                QueryAuditRecord.Kind.STATEMENT, "u-1", "alice", "ds-1", "shop", "127.0.0.1:5000", "psql", 7L, 0,
                "simple", sql, decision == QueryAuditRecord.Decision.ALLOWED ? "SELECT 1 /* rewritten */" : null,
                List.of(new QueryAuditRecord.AppliedPolicyRef("p-1", "tenant filter", 3)), decision,
                decision == QueryAuditRecord.Decision.ALLOWED ? null : "42P01", null, "table hidden by policy", 120L, 900L,
                decision == QueryAuditRecord.Decision.ALLOWED ? 1L : 0L, 42L, null);
    }

    private AuditSink open(int capacity, Duration wait) {
        return new JournaledAuditSinkProvider().open(store(), dir.resolve("journal"), capacity, wait, Duration.ZERO);
    }

    private long stored() {
        return store().queryAudit().count(QueryAuditFilter.ALL);
    }

    private void awaitStored(long n) throws InterruptedException {
        for (int i = 0; i < 200 && stored() < n; i++) Thread.sleep(50);
        assertEquals(n, stored());
    }

    @Test
    void recordsReachTheStoreWithEveryFieldAndTheExactText() throws Exception {
        QueryAuditRecord r = statement("select *\n  from orders -- exact text, kept byte for byte\n", QueryAuditRecord.Decision.ALLOWED);
        try (AuditSink sink = open(100, Duration.ofSeconds(1))) {
            sink.record(r);
            awaitStored(1);
        }
        assertEquals(r, store().queryAudit().find(r.id()).orElseThrow());
    }

    @Test
    void journaledRecordsThatNeverReachedTheStoreAreReplayedOnceOnStart() throws Exception {
        List<QueryAuditRecord> crashed = new ArrayList<>();
        try (Journal journal = Journal.open(dir.resolve("journal"))) {   // what a kill -9 leaves behind
            for (int i = 0; i < 3; i++) {
                QueryAuditRecord r = statement("select " + i, QueryAuditRecord.Decision.DENIED);
                crashed.add(r);
                journal.append(r);
            }
        }
        try (AuditSink sink = open(100, Duration.ofSeconds(1))) {
            assertEquals(3, stored());
            assertEquals(0, sink.backlog());
        }
        try (AuditSink again = open(100, Duration.ofSeconds(1))) {
            assertEquals(3, stored(), "a second start replays nothing twice");
        }
        for (QueryAuditRecord r : crashed) assertEquals(r, store().queryAudit().find(r.id()).orElseThrow());
    }

    @Test
    void whenTheStoreStallsTheBacklogFillsAndNewStatementsAreRefusedThenItDrains() throws Exception {
        java.util.concurrent.CountDownLatch storeBack = new java.util.concurrent.CountDownLatch(1);
        // the real repository, whose writes hang until the store "comes back" (fault injection)
        var stalled = new StalledRepository(store().queryAudit(), storeBack);
        try (AuditSink sink = new JournaledAuditSink(Journal.open(dir.resolve("journal")), stalled, 5, Duration.ofMillis(200),
                Duration.ZERO)) {
            for (int i = 0; i < 5; i++) sink.record(statement("select " + i, QueryAuditRecord.Decision.ALLOWED));
            AuditUnavailableException e = assertThrows(AuditUnavailableException.class,
                    () -> sink.record(statement("select 'one too many'", QueryAuditRecord.Decision.ALLOWED)));
            assertTrue(e.getMessage().contains("backlog is full"), e.getMessage());
            assertEquals(5, sink.backlog());
            storeBack.countDown();
            awaitStored(5);
            sink.record(statement("select 'after the outage'", QueryAuditRecord.Decision.ALLOWED));
            awaitStored(6);
        }
    }

    @Test
    void concurrentProducersLoseNothingAndDuplicateNothing() throws Exception {
        int threads = 8, each = 250;
        try (AuditSink sink = open(1000, Duration.ofSeconds(5)); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) sink.record(statement("select " + i, QueryAuditRecord.Decision.ALLOWED));
                }));
            }
            for (Future<?> f : done) f.get();
        }
        assertEquals(threads * each, stored(), "closing drains the backlog completely");
    }

    @Test
    void listFiltersSearchExportAndPurge() throws Exception {
        try (AuditSink sink = open(100, Duration.ofSeconds(1))) {
            sink.record(statement("select * from payments", QueryAuditRecord.Decision.ALLOWED));
            sink.record(statement("delete from orders", QueryAuditRecord.Decision.DENIED));
            awaitStored(2);
        }
        var denied = store().queryAudit().list(new QueryAuditFilter(null, null, QueryAuditRecord.Decision.DENIED, null,
                null, null, null), PageRequest.FIRST);
        assertEquals(1, denied.total());
        assertEquals("delete from orders", denied.items().getFirst().originalSql());
        assertEquals(1, store().queryAudit().count(new QueryAuditFilter(null, null, null, null, null, null, "PAYMENTS")));
        List<QueryAuditRecord> exported = new ArrayList<>();
        store().queryAudit().export(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), exported::add);
        assertEquals(2, exported.size());
        assertEquals(0, RetentionJob.purge(store().queryAudit(), Duration.ofDays(1)));
        assertEquals(2, RetentionJob.purge(store().queryAudit(), Duration.ofMillis(-60_000)));
        assertEquals(0, stored());
    }
}
