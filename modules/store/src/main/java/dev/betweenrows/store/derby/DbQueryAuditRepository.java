package dev.betweenrows.store.derby;

import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRepository;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.derby.AuditBlocks.Block;
import dev.betweenrows.store.derby.AuditBlocks.Condition;
import dev.betweenrows.store.derby.AuditBlocks.Order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The query audit in blocks (V13): each group commit of the audit writer is one block row holding its records,
 * so a statement costs the store a share of one row instead of a row and three index entries. Reads open the
 * blocks a filter may match (stat rows and time bounds narrow them) and merge their records in order.
 */
final class DbQueryAuditRepository implements QueryAuditRepository {
    /** Blocks whose ids {@link #existing} keeps while it checks one batch. */
    private static final int OPENED_BLOCKS = 64;
    private final javax.sql.DataSource jdbc;
    /** Kept by the writer between commits: a new Derby connection costs more than a block of a hundred records. */
    private Connection writerConnection;   // guarded by this

    DbQueryAuditRepository(javax.sql.DataSource jdbc) {
        this.jdbc = jdbc;
    }

    /** The audit's hot path: one block per group commit, in one transaction. */
    @Override
    public void insertNew(Collection<QueryAuditRecord> records) {
        List<QueryAuditRecord> list = List.copyOf(records);
        insertNew(list, list.stream().map(AuditRecordJson::fields).toList());
    }

    @Override
    public void insertNew(List<QueryAuditRecord> records, List<byte[]> json) {
        if (records.size() != json.size()) throw new IllegalArgumentException("one JSON object per record");
        if (records.isEmpty()) return;
        byte[] payload = AuditBlockCodec.encodeEncoded(json);
        synchronized (this) {
            try {
                if (writerConnection == null || writerConnection.isClosed()) {
                    writerConnection = jdbc.getConnection();
                    writerConnection.setAutoCommit(false);
                }
                try {
                    AuditBlocks.write(writerConnection, records, payload);
                    writerConnection.commit();
                } catch (SQLException | RuntimeException e) {
                    Connection broken = writerConnection;
                    writerConnection = null;
                    try (broken) {
                        broken.rollback();
                    } catch (SQLException ignored) {
                        // the write's failure is what matters
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("query audit write failed: " + e.getMessage(), e);
            }
        }
    }

    /** Closes the writer's connection (the store is closing). */
    synchronized void close() {
        if (writerConnection == null) return;
        try (Connection c = writerConnection) {
            c.rollback();
        } catch (SQLException ignored) {
            // closing anyway
        }
        writerConnection = null;
    }

    @Override
    public void insertAll(Collection<QueryAuditRecord> records) {
        if (records.isEmpty()) return;
        Set<String> present = new HashSet<>(existing(records.stream().map(QueryAuditRecord::id).toList()));
        List<QueryAuditRecord> fresh = new ArrayList<>();
        for (QueryAuditRecord r : records) {
            if (present.add(r.id())) fresh.add(r);
        }
        insertNew(fresh);
    }

    @Override
    public List<String> existing(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        List<String> found = new ArrayList<>();
        Map<Long, Set<String>> opened = new HashMap<>();
        return read(c -> {
            for (String id : wanted) {
                for (long block : blocksMayHold(c, id)) {
                    Set<String> inside = opened.get(block);
                    if (inside == null) {
                        // bounded: ids of records written before ids were time-ordered span every block's id range
                        if (opened.size() >= OPENED_BLOCKS) opened.clear();
                        inside = new HashSet<>();
                        for (QueryAuditRecord r : AuditBlocks.records(c, block)) inside.add(r.id());
                        opened.put(block, inside);
                    }
                    if (inside.contains(id)) {
                        found.add(id);
                        break;
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Optional<QueryAuditRecord> find(String id) {
        return read(c -> {
            for (long block : blocksMayHold(c, id)) {
                for (QueryAuditRecord r : AuditBlocks.records(c, block)) {
                    if (r.id().equals(id)) return Optional.of(r);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Page<QueryAuditRecord> list(QueryAuditFilter filter, PageRequest page) {
        return read(c -> {
            // counted first: a block committed meanwhile may then add to the items but never leave the total
            // claiming records the page does not show
            long total = count(c, filter);
            List<QueryAuditRecord> items = new ArrayList<>(page.pageSize());
            Iterator<QueryAuditRecord> records = new AuditRecordMerge(c, AuditBlocks.mayMatch(filter), Order.NEWEST_FIRST,
                    matches(filter));
            for (long skipped = 0; skipped < page.offset() && records.hasNext(); skipped++) records.next();
            while (items.size() < page.pageSize() && records.hasNext()) items.add(records.next());
            return new Page<>(items, Math.max(total, page.offset() + items.size()), page.page(), page.pageSize());
        });
    }

    @Override
    public long count(QueryAuditFilter filter) {
        return read(c -> count(c, filter));
    }

    /**
     * Without a text search, whole blocks inside the time range are counted from their stat rows and only the
     * blocks at the range's edges are opened; a text search opens every block that may match.
     */
    private static long count(Connection c, QueryAuditFilter f) throws SQLException {
        Predicate<QueryAuditRecord> keep = matches(f);
        Condition mayMatch = AuditBlocks.mayMatch(f);
        if (f.search() != null && !f.search().isBlank()) return countOpened(c, mayMatch, keep);
        long n = AuditBlocks.sumStats(c, AuditBlocks.inside(f), AuditBlocks.statMatches(f));
        if (f.from() == null && f.to() == null) return n;
        List<String> outside = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.from() != null) {
            outside.add("b.first_at < ?");
            params.add(Rows.ts(f.from()));
        }
        if (f.to() != null) {
            outside.add("b.last_at >= ?");
            params.add(Rows.ts(f.to()));
        }
        return n + countOpened(c, mayMatch.and("(" + String.join(" OR ", outside) + ")", params.toArray()), keep);
    }

    private static long countOpened(Connection c, Condition where, Predicate<QueryAuditRecord> keep) throws SQLException {
        long n = 0;
        for (Iterator<Block> blocks = AuditBlocks.walk(c, where, Order.OLDEST_FIRST); blocks.hasNext(); ) {
            for (QueryAuditRecord r : AuditBlocks.records(c, blocks.next().id())) {
                if (keep.test(r)) n++;
            }
        }
        return n;
    }

    @Override
    public void export(Instant from, Instant to, Consumer<QueryAuditRecord> sink) {
        QueryAuditFilter range = new QueryAuditFilter(null, null, null, null, from, to, null);
        read(c -> {
            Iterator<QueryAuditRecord> records = new AuditRecordMerge(c, AuditBlocks.mayMatch(range), Order.OLDEST_FIRST,
                    matches(range));
            while (records.hasNext()) sink.accept(records.next());
            return null;
        });
    }

    /**
     * Deletes whole blocks older than {@code before}, oldest first, until {@code limit} records are gone (the
     * last block may go past it, so the result is {@code limit} or more while old blocks remain); then takes the
     * old records out of blocks that straddle {@code before}.
     */
    @Override
    public int purgeOlderThan(Instant before, int limit) {
        int[] deleted = {0};
        inTransaction(c -> {
            Condition old = Condition.none().and("b.last_at < ?", Rows.ts(before));
            for (Iterator<Block> blocks = AuditBlocks.walk(c, old, Order.OLDEST_FIRST); blocks.hasNext(); ) {
                Block b = blocks.next();
                if (deleted[0] >= limit) return;
                AuditBlocks.delete(c, b.id());
                deleted[0] += b.count();
            }
            Condition straddling = Condition.none().and("b.first_at < ?", Rows.ts(before)).and("b.last_at >= ?", Rows.ts(before));
            List<Block> edge = new ArrayList<>();
            AuditBlocks.walk(c, straddling, Order.OLDEST_FIRST).forEachRemaining(edge::add);
            for (Block b : edge) {
                List<QueryAuditRecord> kept = AuditBlocks.records(c, b.id()).stream()
                        .filter(r -> !r.occurredAt().isBefore(before)).toList();
                AuditBlocks.delete(c, b.id());
                if (!kept.isEmpty()) AuditBlocks.write(c, kept);
                deleted[0] += b.count() - kept.size();
            }
        });
        return deleted[0];
    }

    /** Blocks whose id range covers {@code id}, newest first (ids are time-ordered, so usually one). */
    private static List<Long> blocksMayHold(Connection c, String id) throws SQLException {
        List<Long> blocks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM br_query_audit_block WHERE min_id <= ? AND max_id >= ? ORDER BY last_at DESC, id DESC")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) blocks.add(r.getLong(1));
            }
        }
        return blocks;
    }

    /** The whole filter on one record (the stat rows only narrow which blocks are opened). */
    static Predicate<QueryAuditRecord> matches(QueryAuditFilter f) {
        String needle = f.search() == null || f.search().isBlank() ? null : f.search().toLowerCase(Locale.ROOT);
        return r -> (f.userId() == null || f.userId().equals(r.userId()))
                && (f.dataSourceId() == null || f.dataSourceId().equals(r.dataSourceId()))
                && (f.decision() == null || f.decision() == r.decision())
                && (f.kind() == null || f.kind() == r.kind())
                && (f.from() == null || !r.occurredAt().isBefore(f.from()))
                && (f.to() == null || r.occurredAt().isBefore(f.to()))
                && (needle == null || contains(r.originalSql(), needle) || contains(r.rewrittenSql(), needle));
    }

    private static boolean contains(String text, String lowerNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    interface SqlStep {
        void run(Connection c) throws SQLException;
    }

    private <T> T read(SqlWork<T> work) {
        try (Connection c = jdbc.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("query audit read failed: " + e.getMessage(), e);
        }
    }

    private void inTransaction(SqlStep step) {
        try (Connection c = jdbc.getConnection()) {
            c.setAutoCommit(false);
            try {
                step.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("query audit write failed: " + e.getMessage(), e);
        }
    }
}
