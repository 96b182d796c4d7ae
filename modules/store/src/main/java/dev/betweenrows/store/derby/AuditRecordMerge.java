package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.derby.AuditBlocks.Block;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Records of a walk over blocks, in exact record order. Blocks overlap in time (a group commit's records are
 * not strictly ordered), so a record is only handed out once no unopened block can hold one that comes before
 * it: newest first, a block whose last record is not older than the next candidate is opened first.
 */
final class AuditRecordMerge implements Iterator<QueryAuditRecord> {
    /** The audit listing's order: newest first, then id. */
    static final Comparator<QueryAuditRecord> NEWEST_FIRST =
            Comparator.comparing(QueryAuditRecord::occurredAt).reversed().thenComparing(QueryAuditRecord::id);
    /** The export's order: oldest first, then id. */
    static final Comparator<QueryAuditRecord> OLDEST_FIRST =
            Comparator.comparing(QueryAuditRecord::occurredAt).thenComparing(QueryAuditRecord::id);

    private final Connection connection;
    private final Iterator<Block> blocks;
    private final AuditBlocks.Order order;
    private final Predicate<QueryAuditRecord> keep;
    private final PriorityQueue<QueryAuditRecord> ready;
    private Block pending;

    AuditRecordMerge(Connection connection, AuditBlocks.Condition where, AuditBlocks.Order order,
                     Predicate<QueryAuditRecord> keep) {
        this.connection = connection;
        this.blocks = AuditBlocks.walk(connection, where, order);
        this.order = order;
        this.keep = keep;
        this.ready = new PriorityQueue<>(order == AuditBlocks.Order.NEWEST_FIRST ? NEWEST_FIRST : OLDEST_FIRST);
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (pending == null && blocks.hasNext()) pending = blocks.next();
            if (pending == null) return !ready.isEmpty();
            if (!ready.isEmpty() && !mayPrecede(order.edge(pending), ready.peek().occurredAt())) return true;
            open(pending);
            pending = null;
        }
    }

    @Override
    public QueryAuditRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        return ready.poll();
    }

    private boolean mayPrecede(Instant blockEdge, Instant candidate) {
        return order == AuditBlocks.Order.NEWEST_FIRST ? !blockEdge.isBefore(candidate) : !blockEdge.isAfter(candidate);
    }

    private void open(Block b) {
        try {
            for (QueryAuditRecord r : AuditBlocks.records(connection, b.id())) {
                if (keep.test(r)) ready.add(r);
            }
        } catch (SQLException e) {
            throw new dev.betweenrows.store.StoreException("cannot read the query audit: " + e.getMessage(), e);
        }
    }
}
