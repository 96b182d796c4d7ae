package dev.betweenrows.audit;

import dev.betweenrows.audit.journal.Journal;
import dev.betweenrows.audit.journal.RecordCodec;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditUnavailableException;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRepository;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit sink: each record is journaled before {@link #record} returns (so a process crash
 * loses nothing the client saw finish), then written to the store in batches by one writer thread
 * (group commit). The backlog is bounded: when it is full, producers wait up to {@code maxWait}
 * and then get {@link AuditUnavailableException}, so statements are refused rather than run
 * unaudited. Store failures are retried; the journal keeps the records meanwhile.
 */
final class JournaledAuditSink implements AuditSink {
    private static final Logger LOG = Logger.getLogger(JournaledAuditSink.class.getName());
    /**
     * Records per store commit at most. A commit costs the store a transaction, a block row and its stat rows
     * whatever its size: under {@code pgbench -S -c 8} (simple protocol) a cap of 2,000 instead of 500 cut the
     * proxy's CPU per statement from 74–103 to 56–59 µs in alternating runs. Below 10,000 statements/s the 50 ms
     * linger ends a batch first, so only heavy traffic makes bigger blocks.
     */
    private static final int BATCH = 2000;
    private static final long FSYNC_EVERY_MS = 200;
    private static final long LINGER_MS = 50;

    private final Journal journal;
    private final QueryAuditRepository repo;
    private final int capacity;
    private final Semaphore room;
    private final Duration maxWait;
    private final LinkedBlockingQueue<Journal.Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final RetentionJob retention;
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile boolean closing;
    private volatile long lastFullWarning;

    JournaledAuditSink(Journal journal, QueryAuditRepository repo, int capacity, Duration maxWait, Duration retention) {
        this.journal = journal;
        this.repo = repo;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.maxWait = maxWait;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeLoop);
        this.retention = RetentionJob.start(repo, retention);
    }

    @Override
    public void record(QueryAuditRecord record) {
        if (closing) throw new AuditUnavailableException("the audit is shutting down");
        try {
            if (!room.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                warnFull();
                throw new AuditUnavailableException("the audit backlog is full; statements are refused until it drains");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit");
        }
        AtomicBoolean queued = new AtomicBoolean();
        try {
            byte[] fields = RecordCodec.fields(record);   // encoded before taking the lock every session appends under
            // queued in journal order (under the journal's lock), so checkpoints never skip a record
            journal.append(record, fields, entry -> {
                queue.add(entry);
                queued.set(true);
            });
        } catch (IOException | RuntimeException e) {
            // a queued record still goes to the store (its statement ran upstream; the client gets an error), and
            // the writer gives its room back then
            if (!queued.get()) room.release();
            LOG.log(Level.SEVERE, "audit journal write failed: " + e.getMessage());
            throw new AuditUnavailableException("the audit journal cannot be written");
        }
    }

    @Override
    public int backlog() {
        return capacity - room.availablePermits();
    }

    @Override
    public long writeFailures() {
        return writeFailures.get();
    }

    private void writeLoop() {
        long lastSync = System.nanoTime();
        long committed = 0;   // every journal sequence number up to this one is in the store
        boolean gaveUp = false;
        List<Journal.Entry> batch = new ArrayList<>(BATCH);   // taken off the queue, not yet in the store
        boolean attempted = false;   // a write of this batch was tried (and may have committed unacknowledged)
        while (!closing || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Journal.Entry first = queue.poll(FSYNC_EVERY_MS, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        lingerFor(batch);
                    }
                }
                if (!batch.isEmpty()) {
                    boolean retry = attempted;
                    attempted = true;
                    if (!commit(batch, retry)) gaveUp = true;   // its records stay above the checkpoint
                    else if (!gaveUp) committed = batch.getLast().seq();
                    batch = new ArrayList<>(BATCH);
                    attempted = false;
                }
                // fsync and checkpoint at most every FSYNC_EVERY_MS, not per batch: a checkpoint that lags
                // only means a few records are replayed (idempotently, by id) after a crash
                if (System.nanoTime() - lastSync > FSYNC_EVERY_MS * 1_000_000 || (closing && queue.isEmpty())) {
                    journal.force();
                    journal.checkpoint(committed);
                    lastSync = System.nanoTime();
                }
            } catch (InterruptedException e) {
                // the writer runs until close: a batch taken before the interrupt is committed on the next turn
                // (re-setting the flag would only make every later wait throw at once)
            } catch (IOException e) {
                LOG.log(Level.WARNING, "audit journal fsync or checkpoint failed: " + e.getMessage());
            }
        }
    }

    /**
     * Collects up to {@link #BATCH} records, giving them {@link #LINGER_MS} to arrive: each commit costs the store a
     * transaction and a block row, so a few large commits cost far less CPU than many small ones. The writer sleeps
     * meanwhile instead of waiting on the queue, which would wake it (a futex call) for every record. Records are
     * already journaled; this only delays when they show in the store.
     */
    private void lingerFor(List<Journal.Entry> batch) throws InterruptedException {
        queue.drainTo(batch, BATCH - batch.size());
        if (batch.size() < BATCH && !closing) {
            Thread.sleep(LINGER_MS);
            queue.drainTo(batch, BATCH - batch.size());
        }
    }

    /**
     * Writes the batch to the store, retrying; false when closing gave up (the journal keeps it). {@code retry}: an
     * earlier write of it was interrupted, so it may be stored already.
     */
    private boolean commit(List<Journal.Entry> batch, boolean retry) throws InterruptedException {
        long backoff = 100;
        boolean firstAttempt = !retry;
        while (true) {
            try {
                var records = batch.stream().map(Journal.Entry::record).toList();
                // a retry may follow a commit whose acknowledgement was lost: only then check for duplicates
                if (firstAttempt) repo.insertNew(records, batch.stream().map(Journal.Entry::json).toList());
                else repo.insertAll(records);
                room.release(batch.size());
                return true;
            } catch (RuntimeException e) {
                firstAttempt = false;
                long n = writeFailures.incrementAndGet();
                if (n == 1 || n % 50 == 0) {
                    LOG.log(Level.WARNING, "audit store write failed (" + n + " so far), retrying; records stay journaled: "
                            + e.getMessage());
                }
                if (closing && backoff > 2000) return false;   // left in the journal: replayed on the next start
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private void warnFull() {
        long now = System.currentTimeMillis();
        if (now - lastFullWarning > 10_000) {
            lastFullWarning = now;
            LOG.warning("audit backlog full (" + capacity + " records): refusing statements until it drains");
        }
    }

    @Override
    public void close() {
        closing = true;
        retention.stop();
        try {
            writer.join(30_000);
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "audit journal close failed: " + e.getMessage());
        }
    }
}
