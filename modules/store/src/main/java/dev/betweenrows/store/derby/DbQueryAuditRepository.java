package dev.betweenrows.store.derby;

import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import dev.betweenrows.store.QueryAuditRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import jakarta.json.JsonObject;

import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The query audit table: batch inserts (group commit), filtered listing, export and purge. */
final class DbQueryAuditRepository implements QueryAuditRepository {
    private static final String COLUMNS = "id, occurred_at, kind, user_id, username, datasource_id, datasource_name,"
            + " client_addr, application_name, session_id, statement_index, protocol, original_sql, rewritten_sql,"
            + " policies_json, decision, sql_state, message, reason, guard_micros, total_micros, rows_returned,"
            + " bytes_returned, parameters_json";
    private static final String INSERT = "INSERT INTO br_query_audit (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int EXPORT_PAGE = 500;
    private final DbClient db;
    private final javax.sql.DataSource jdbc;

    DbQueryAuditRepository(DbClient db, javax.sql.DataSource jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * The audit's hot path: one JDBC batch per group commit. Plain JDBC here (not DB Client) because a
     * batch of a few hundred rows is one round of statement executions instead of one per row.
     */
    @Override
    public void insertNew(Collection<QueryAuditRecord> records) {
        if (records.isEmpty()) return;
        try (java.sql.Connection c = jdbc.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (QueryAuditRecord r : records) {
                    Object[] v = values(r);
                    for (int i = 0; i < v.length; i++) {
                        if (v[i] == null) ps.setNull(i + 1, NULL_TYPES[i]);
                        else ps.setObject(i + 1, v[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw new dev.betweenrows.store.StoreException("audit batch insert failed: " + e.getMessage(), e);
        }
    }

    /** SQL types of the INSERT's parameters, for NULLs (Derby rejects untyped NULLs). */
    private static final int[] NULL_TYPES = {
            java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
            java.sql.Types.CLOB, java.sql.Types.CLOB, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
            java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.CLOB};

    @Override
    public void insertAll(Collection<QueryAuditRecord> records) {
        if (records.isEmpty()) return;
        Set<String> present = new HashSet<>(existing(records.stream().map(QueryAuditRecord::id).toList()));
        DbTransaction t = db.transaction();
        try {
            for (QueryAuditRecord r : records) {
                if (present.add(r.id())) {
                    t.insert(INSERT, values(r));
                }
            }
            t.commit();
        } catch (RuntimeException e) {
            try {
                t.rollback();
            } catch (RuntimeException ignored) {
                // the failure is what matters
            }
            throw Transactions.translate(e);
        }
    }

    @Override
    public List<String> existing(Collection<String> ids) {
        List<String> found = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 200) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 200));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            found.addAll(Rows.list(db.execute(), r -> Rows.str(r, 1),
                    "SELECT id FROM br_query_audit WHERE id IN (" + marks + ")", chunk.toArray()));
        }
        return found;
    }

    @Override
    public Page<QueryAuditRecord> list(QueryAuditFilter filter, PageRequest page) {
        Where w = where(filter);
        long total = Rows.count(db.execute(), "SELECT COUNT(*) FROM br_query_audit" + w.sql, w.params());
        List<QueryAuditRecord> items = Rows.list(db.execute(), DbQueryAuditRepository::toRecord,
                "SELECT " + COLUMNS + " FROM br_query_audit" + w.sql + " ORDER BY occurred_at DESC, id"
                        + Rows.page(page.offset(), page.pageSize()), w.params());
        return new Page<>(items, total, page.page(), page.pageSize());
    }

    @Override
    public long count(QueryAuditFilter filter) {
        Where w = where(filter);
        return Rows.count(db.execute(), "SELECT COUNT(*) FROM br_query_audit" + w.sql, w.params());
    }

    @Override
    public Optional<QueryAuditRecord> find(String id) {
        return Rows.one(db.execute(), DbQueryAuditRepository::toRecord,
                "SELECT " + COLUMNS + " FROM br_query_audit WHERE id = ?", id);
    }

    @Override
    public void export(Instant from, Instant to, Consumer<QueryAuditRecord> sink) {
        Instant cursorTime = from;
        String cursorId = "";   // keyset cursor: every id sorts after "", so records at exactly `from` are included
        while (true) {
            List<QueryAuditRecord> page = Rows.list(db.execute(), DbQueryAuditRepository::toRecord,
                    "SELECT " + COLUMNS + " FROM br_query_audit WHERE occurred_at < ?"
                            + " AND (occurred_at > ? OR (occurred_at = ? AND id > ?))"
                            + " ORDER BY occurred_at, id" + Rows.page(0, EXPORT_PAGE),
                    Rows.ts(to), Rows.ts(cursorTime), Rows.ts(cursorTime), cursorId);
            page.forEach(sink);
            if (page.size() < EXPORT_PAGE) return;
            QueryAuditRecord last = page.getLast();
            cursorTime = last.occurredAt();
            cursorId = last.id();
        }
    }

    @Override
    public int purgeOlderThan(Instant before, int limit) {
        List<String> ids = Rows.list(db.execute(), r -> Rows.str(r, 1),
                "SELECT id FROM br_query_audit WHERE occurred_at < ? ORDER BY occurred_at" + Rows.page(0, limit),
                Rows.ts(before));
        int deleted = 0;
        for (int i = 0; i < ids.size(); i += 200) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            deleted += (int) db.execute().delete("DELETE FROM br_query_audit WHERE id IN (" + marks + ")", chunk.toArray());
        }
        return deleted;
    }

    private record Where(String sql, List<Object> list) {
        Object[] params() {
            return list.toArray();
        }
    }

    private static Where where(QueryAuditFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(sql, params, "user_id = ?", f.userId());
        add(sql, params, "datasource_id = ?", f.dataSourceId());
        add(sql, params, "decision = ?", f.decision() == null ? null : f.decision().name());
        add(sql, params, "kind = ?", f.kind() == null ? null : f.kind().name());
        add(sql, params, "occurred_at >= ?", Rows.ts(f.from()));
        add(sql, params, "occurred_at < ?", Rows.ts(f.to()));
        if (f.search() != null && !f.search().isBlank()) {
            sql.append(" AND (LOWER(CAST(SUBSTR(original_sql, 1, 32000) AS VARCHAR(32000))) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(CAST(SUBSTR(rewritten_sql, 1, 32000) AS VARCHAR(32000))) LIKE ? ESCAPE '\\')");
            String pattern = Rows.containsPattern(f.search().toLowerCase(java.util.Locale.ROOT));
            params.add(pattern);
            params.add(pattern);
        }
        return new Where(sql.toString(), params);
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static Object[] values(QueryAuditRecord r) {
        var policies = Json.array();
        for (AppliedPolicyRef p : r.policies()) {
            policies.add(Json.object().add("id", p.id()).add("name", p.name()).add("version", p.version()));
        }
        return new Object[]{r.id(), Rows.ts(r.occurredAt()), r.kind().name(), r.userId(), r.username(), r.dataSourceId(),
                r.dataSourceName(), r.clientAddress(), truncate(r.applicationName(), 128), r.sessionId(), r.statementIndex(),
                r.protocol(), r.originalSql(), r.rewrittenSql(), policies.build().toString(), r.decision().name(),
                r.sqlState(), truncate(r.message(), 2000), truncate(r.reason(), 2000), r.guardMicros(), r.totalMicros(),
                r.rowsReturned(), r.bytesReturned(), r.parametersJson()};
    }

    private static QueryAuditRecord toRecord(DbRow r) {
        List<AppliedPolicyRef> policies = new ArrayList<>();
        String pj = Rows.str(r, 15);
        if (pj != null) {
            for (var v : Json.parse(pj).asJsonArray()) {
                JsonObject o = v.asJsonObject();
                policies.add(new AppliedPolicyRef(o.getString("id"), o.getString("name"), o.getJsonNumber("version").longValue()));
            }
        }
        return new QueryAuditRecord(Rows.str(r, 1), Rows.time(r, 2), QueryAuditRecord.Kind.valueOf(Rows.str(r, 3)),
                Rows.str(r, 4), Rows.str(r, 5), Rows.str(r, 6), Rows.str(r, 7), Rows.str(r, 8), Rows.str(r, 9),
                longOrNull(r, 10), intOrNull(r, 11), Rows.str(r, 12), text(r, 13), text(r, 14), policies,
                QueryAuditRecord.Decision.valueOf(Rows.str(r, 16)), Rows.str(r, 17), Rows.str(r, 18), Rows.str(r, 19),
                longOrNull(r, 20), longOrNull(r, 21), longOrNull(r, 22), longOrNull(r, 23), text(r, 24));
    }

    private static String text(DbRow r, int i) {
        Object v = Rows.raw(r, i);
        if (v instanceof Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read audit text", e);
            }
        }
        return v == null ? null : v.toString();
    }

    private static Long longOrNull(DbRow r, int i) {
        Object v = Rows.raw(r, i);
        return v == null ? null : ((Number) v).longValue();
    }

    private static Integer intOrNull(DbRow r, int i) {
        Object v = Rows.raw(r, i);
        return v == null ? null : ((Number) v).intValue();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
