package dev.betweenrows.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The data-plane audit. Records are only ever inserted (in batches) and purged by retention. */
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

    /**
     * {@link #insertNew(Collection)} with each record already encoded: {@code json.get(i)} is {@code records.get(i)}
     * as a JSON object in UTF-8 with the fields of {@link QueryAuditJson} (other fields are ignored), so a store
     * that keeps JSON need not encode the records again.
     */
    default void insertNew(List<QueryAuditRecord> records, List<byte[]> json) {
        insertNew(records);
    }

    Page<QueryAuditRecord> list(QueryAuditFilter filter, PageRequest page);

    Optional<QueryAuditRecord> find(String id);

    long count(QueryAuditFilter filter);

    /** Streams the records of {@code [from, to)} in time order, in pages, to {@code sink} (export). */
    void export(Instant from, Instant to, Consumer<QueryAuditRecord> sink);

    /**
     * Deletes records older than {@code before}, about {@code limit} of them (the store deletes whole groups of
     * records, so the last group may go past the limit); returns how many. Call again while it returns
     * {@code limit} or more.
     */
    int purgeOlderThan(Instant before, int limit);

    /** The ids among {@code ids} that are stored. */
    List<String> existing(Collection<String> ids);
}
