package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.GuardSession;
import java.util.List;

/**
 * {@code pg_stat_activity} as this session alone sees it: one row, its own, with its own statement as
 * {@code query}. No other session, of this user or another, is listed. {@code pid} is the proxy's session id
 * (the guard does not see the cancel key's process id); timestamps, addresses and the application name are
 * NULL, since the guard does not know them.
 */
final class SessionActivity {
    static final String PG_STAT_ACTIVITY = "datid:oid datname:name pid:int4 leader_pid:int4 usesysid:oid "
            + "usename:name application_name:text client_addr:text client_hostname:text client_port:int4 "
            + "backend_start:text xact_start:text query_start:text state_change:text wait_event_type:text "
            + "wait_event:text state:text backend_xid:text backend_xmin:text query_id:int8 query:text "
            + "backend_type:text";
    private static final List<Relation.Column> COLUMNS = Relation.columns(PG_STAT_ACTIVITY);

    private SessionActivity() {}

    /** The relation without rows: part of every session's relation set (its shape), filled per statement. */
    static Relation empty() {
        return new Relation("pg_catalog", "pg_stat_activity", COLUMNS, List.of());
    }

    /** The session's tables with its own {@code pg_stat_activity} row for the statement being answered. */
    static CatalogTables with(CatalogTables tables, GuardSession session, SessionFacts facts, String query) {
        Object[] row = {CatalogRelations.databaseOid(facts), facts.database(), (int) session.sessionId(), null,
                facts.userOid(), facts.username(), null, null, null, null, null, null, null, null, null, null,
                "active", null, null, null, query, "client backend"};
        return tables.withRows("pg_catalog", "pg_stat_activity", List.<Object[]>of(row));
    }
}
