package dev.betweenrows.store;

/**
 * Where the data plane hands audit records. {@link #record} returns once the record is durable
 * against a crash of this process (journaled); the store write happens asynchronously in batches.
 */
public interface AuditSink extends AutoCloseable {

    /**
     * Records one audit record.
     *
     * @throws AuditUnavailableException when the backlog is full and did not drain within the
     *                                   bounded wait: the caller must refuse the statement (53400)
     */
    void record(QueryAuditRecord record);

    /** Records waiting for the store. */
    int backlog();

    /** Failed attempts to write a batch to the store so far (each is retried; records stay journaled). */
    default long writeFailures() {
        return 0;
    }

    /** Drains the backlog into the store, then stops. */
    @Override
    void close();
}
