package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The audit block tables (V13): writing a block with its stat rows, reading payloads, and walking block
 * metadata in time order, in pages, narrowed by what the stat rows can decide for a filter.
 */
final class AuditBlocks {
    private static final int PAGE = 200;

    private AuditBlocks() {}

    /** A block's metadata. */
    record Block(long id, Instant firstAt, Instant lastAt, int count) {}

    /** Writes {@code records} (non-empty) as one block, in the caller's transaction. */
    static void write(Connection c, List<QueryAuditRecord> records) throws SQLException {
        write(c, records, AuditBlockCodec.encode(records));
    }

    /** Writes {@code records} (non-empty) as one block with the given payload, in the caller's transaction. */
    static void write(Connection c, List<QueryAuditRecord> records, byte[] payload) throws SQLException {
        Instant first = records.getFirst().occurredAt();
        Instant last = first;
        String minId = records.getFirst().id();
        String maxId = minId;
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (QueryAuditRecord r : records) {
            if (r.occurredAt().isBefore(first)) first = r.occurredAt();
            if (r.occurredAt().isAfter(last)) last = r.occurredAt();
            if (r.id().compareTo(minId) < 0) minId = r.id();
            if (r.id().compareTo(maxId) > 0) maxId = r.id();
            counts.merge(java.util.Arrays.asList(r.kind().name(), r.decision().name(), r.userId(), r.dataSourceId()), 1,
                    Integer::sum);
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO br_query_audit_block"
                + " (first_at, last_at, min_id, max_id, record_count, payload) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Rows.ts(first));
            ps.setTimestamp(2, Rows.ts(last));
            ps.setString(3, minId);
            ps.setString(4, maxId);
            ps.setInt(5, records.size());
            ps.setBytes(6, payload);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id for the new audit block");
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO br_query_audit_block_stat"
                + " (block_id, kind, decision, user_id, datasource_id, record_count) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var e : counts.entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey().get(0));
                ps.setString(3, e.getKey().get(1));
                ps.setString(4, e.getKey().get(2));
                ps.setString(5, e.getKey().get(3));
                ps.setInt(6, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<QueryAuditRecord> records(Connection c, long blockId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM br_query_audit_block WHERE id = ?")) {
            ps.setLong(1, blockId);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? AuditBlockCodec.decode(r.getBytes(1)) : List.of();
            }
        }
    }

    static void delete(Connection c, long blockId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM br_query_audit_block WHERE id = ?")) {
            ps.setLong(1, blockId);
            ps.executeUpdate();
        }
    }

    /** The SQL condition (on block {@code b}) and its parameters. */
    record Condition(String sql, List<Object> params) {
        static Condition none() {
            return new Condition("", List.of());
        }

        Condition and(String condition, Object... values) {
            List<Object> p = new ArrayList<>(params);
            p.addAll(java.util.Arrays.asList(values));
            return new Condition(sql + " AND " + condition, p);
        }
    }

    /** Blocks that may hold records of {@code f}: overlapping its time range, with a matching stat row. */
    static Condition mayMatch(QueryAuditFilter f) {
        Condition c = Condition.none();
        if (f.from() != null) c = c.and("b.last_at >= ?", Rows.ts(f.from()));
        if (f.to() != null) c = c.and("b.first_at < ?", Rows.ts(f.to()));
        Condition stat = statMatches(f);
        if (!stat.sql().isEmpty()) {
            c = c.and("EXISTS (SELECT 1 FROM br_query_audit_block_stat s WHERE s.block_id = b.id" + stat.sql() + ")",
                    stat.params().toArray());
        }
        return c;
    }

    /** The stat-row part of {@code f} (on stat row {@code s}). */
    static Condition statMatches(QueryAuditFilter f) {
        Condition c = Condition.none();
        if (f.userId() != null) c = c.and("s.user_id = ?", f.userId());
        if (f.dataSourceId() != null) c = c.and("s.datasource_id = ?", f.dataSourceId());
        if (f.decision() != null) c = c.and("s.decision = ?", f.decision().name());
        if (f.kind() != null) c = c.and("s.kind = ?", f.kind().name());
        return c;
    }

    /** Blocks entirely inside {@code f}'s time range. */
    static Condition inside(QueryAuditFilter f) {
        Condition c = Condition.none();
        if (f.from() != null) c = c.and("b.first_at >= ?", Rows.ts(f.from()));
        if (f.to() != null) c = c.and("b.last_at < ?", Rows.ts(f.to()));
        return c;
    }

    /** Order of a walk over blocks: newest last record first, or oldest first record first. */
    enum Order {
        NEWEST_FIRST("b.last_at", "<", " DESC"), OLDEST_FIRST("b.first_at", ">", "");

        final String column;
        final String after;
        final String direction;

        Order(String column, String after, String direction) {
            this.column = column;
            this.after = after;
            this.direction = direction;
        }

        /** The block edge a walk in this order is sorted by. */
        Instant edge(Block b) {
            return this == NEWEST_FIRST ? b.lastAt() : b.firstAt();
        }
    }

    /** The blocks matching {@code where}, in {@code order}, fetched a page at a time (keyset paging). */
    static Iterator<Block> walk(Connection c, Condition where, Order order) {
        return new Iterator<>() {
            private final List<Block> page = new ArrayList<>();
            private int next;
            private boolean exhausted;
            private Block last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) return true;
                if (exhausted) return false;
                fetch();
                return next < page.size();
            }

            @Override
            public Block next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.get(next++);
            }

            private void fetch() {
                Condition w = where;
                if (last != null) {
                    Instant edge = order.edge(last);
                    // (col after edge) or (col = edge and id after last id); the first conjunct repeats the bound
                    // without OR so that Derby can start the index scan there instead of scanning every block
                    w = w.and(order.column + " " + order.after + "= ?", Rows.ts(edge))
                            .and("(" + order.column + " " + order.after + " ? OR b.id " + order.after + " ?)",
                                    Rows.ts(edge), last.id());
                }
                String sql = "SELECT b.id, b.first_at, b.last_at, b.record_count FROM br_query_audit_block b WHERE 1 = 1"
                        + w.sql() + " ORDER BY " + order.column + order.direction + ", b.id" + order.direction
                        + Rows.page(0, PAGE);
                page.clear();
                next = 0;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, w.params());
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            page.add(new Block(r.getLong(1), r.getTimestamp(2).toInstant(), r.getTimestamp(3).toInstant(),
                                    r.getInt(4)));
                        }
                    }
                } catch (SQLException e) {
                    throw new dev.betweenrows.store.StoreException("cannot read the query audit: " + e.getMessage(), e);
                }
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) last = page.getLast();
            }
        };
    }

    static long sumStats(Connection c, Condition blocks, Condition stats) throws SQLException {
        String sql = "SELECT COALESCE(SUM(s.record_count), 0) FROM br_query_audit_block_stat s"
                + " JOIN br_query_audit_block b ON b.id = s.block_id WHERE 1 = 1" + blocks.sql() + stats.sql();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object> params = new ArrayList<>(blocks.params());
            params.addAll(stats.params());
            bind(ps, params);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, Objects.requireNonNull(params.get(i)));
        }
    }
}
