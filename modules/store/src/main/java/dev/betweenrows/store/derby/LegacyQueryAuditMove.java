package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import dev.betweenrows.store.StoreException;
import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves the per-statement rows of the V11 audit table into blocks (V13) when the store opens. Each chunk is one
 * transaction that writes a block and deletes its rows, so every record is in exactly one of the two tables at
 * every moment, and an interrupted move simply continues on the next start.
 */
final class LegacyQueryAuditMove {
    private static final Logger LOG = Logger.getLogger(LegacyQueryAuditMove.class.getName());
    private static final int CHUNK = 500;
    private static final String COLUMNS = "id, occurred_at, kind, user_id, username, datasource_id, datasource_name,"
            + " client_addr, application_name, session_id, statement_index, protocol, original_sql, rewritten_sql,"
            + " policies_json, decision, sql_state, message, reason, guard_micros, total_micros, rows_returned,"
            + " bytes_returned, parameters_json";

    private LegacyQueryAuditMove() {}

    static long run(javax.sql.DataSource ds) {
        long moved = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            while (true) {
                List<QueryAuditRecord> chunk = nextChunk(c);
                if (chunk.isEmpty()) {
                    c.commit();   // ends the reading transaction
                    break;
                }
                try {
                    AuditBlocks.write(c, chunk);
                    delete(c, chunk);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                moved += chunk.size();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot move the query audit rows into blocks: " + e.getMessage(), e);
        }
        if (moved > 0) LOG.info("moved " + moved + " query audit records into blocks");
        return moved;
    }

    private static List<QueryAuditRecord> nextChunk(Connection c) throws SQLException {
        List<QueryAuditRecord> chunk = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM br_query_audit"
                + " ORDER BY occurred_at" + Rows.page(0, CHUNK));   // the occurred_at index: no sort of the rest
             ResultSet r = ps.executeQuery()) {
            while (r.next()) chunk.add(record(r));
        }
        return chunk;
    }

    private static void delete(Connection c, List<QueryAuditRecord> chunk) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM br_query_audit WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).id());
            ps.executeUpdate();
        }
    }

    private static QueryAuditRecord record(ResultSet r) throws SQLException {
        List<AppliedPolicyRef> policies = new ArrayList<>();
        String pj = r.getString(15);
        if (pj != null) {
            for (var v : Json.parse(pj).asJsonArray()) {
                JsonObject o = v.asJsonObject();
                policies.add(new AppliedPolicyRef(o.getString("id"), o.getString("name"), o.getJsonNumber("version").longValue()));
            }
        }
        return new QueryAuditRecord(r.getString(1), r.getTimestamp(2).toInstant(), QueryAuditRecord.Kind.valueOf(r.getString(3)),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                longOrNull(r, 10), (Integer) r.getObject(11), r.getString(12), r.getString(13), r.getString(14), policies,
                QueryAuditRecord.Decision.valueOf(r.getString(16)), r.getString(17), r.getString(18), r.getString(19),
                longOrNull(r, 20), longOrNull(r, 21), longOrNull(r, 22), longOrNull(r, 23), r.getString(24));
    }

    private static Long longOrNull(ResultSet r, int i) throws SQLException {
        long v = r.getLong(i);
        return r.wasNull() ? null : v;
    }
}
