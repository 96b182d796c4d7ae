package dev.betweenrows.audit;

import dev.betweenrows.store.QueryAuditRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Purges audit records older than the retention, hourly, in bounded batches. */
final class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
    private static final int BATCH = 1000;
    private final Thread thread;

    private RetentionJob(Thread thread) {
        this.thread = thread;
    }

    static RetentionJob start(QueryAuditRepository repo, Duration retention) {
        if (retention.isZero()) {
            return new RetentionJob(null);
        }
        Thread t = Thread.ofVirtual().name("audit-retention").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    purge(repo, retention);
                    Thread.sleep(Duration.ofHours(1));
                }
            } catch (InterruptedException stop) {
                // stopped
            }
        });
        return new RetentionJob(t);
    }

    static long purge(QueryAuditRepository repo, Duration retention) {
        Instant cutoff = Instant.now().minus(retention);
        long total = 0;
        try {
            int n;
            do {
                n = repo.purgeOlderThan(cutoff, BATCH);
                total += n;
            } while (n >= BATCH);   // the store deletes whole blocks: a call may go a little past BATCH
            if (total > 0) LOG.info("audit retention purged " + total + " records older than " + cutoff);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit retention purge failed: " + e.getMessage());
        }
        return total;
    }

    void stop() {
        if (thread != null) thread.interrupt();
    }
}
