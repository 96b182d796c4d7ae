package dev.betweenrows.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The data-plane audit table. Rows are only ever inserted (in batches) and purged by retention. */
public interface QueryAuditRepository {

    /** Inserts all records in one transaction; records whose id already exists are skipped (replay is idempotent). */
    void insertAll(Collection<QueryAuditRecord> records);

    /**
     * Inserts records that are known to be new (the audit writer's first attempt at a batch), as one
     * JDBC batch in one transaction: no existence check. Replays and retries use {@link #insertAll}.
     */
    default void insertNew(Collection<QueryAuditRecord> records) {
        insertAll(records);
    }

    Page<QueryAuditRecord> list(QueryAuditFilter filter, PageRequest page);

    Optional<QueryAuditRecord> find(String id);

    long count(QueryAuditFilter filter);

    /** Streams the records of {@code [from, to)} in time order, in pages, to {@code sink} (export). */
    void export(Instant from, Instant to, Consumer<QueryAuditRecord> sink);

    /** Deletes at most {@code limit} records older than {@code before}; returns how many. */
    int purgeOlderThan(Instant before, int limit);

    /** The ids among {@code ids} that are stored. */
    List<String> existing(Collection<String> ids);
}
