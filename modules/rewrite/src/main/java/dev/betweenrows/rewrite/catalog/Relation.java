package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One emulated catalog relation: its schema, name, typed columns and rows (already policy-filtered).
 *
 * @param schema  {@code pg_catalog} or {@code information_schema}
 * @param name    the relation name
 * @param columns the columns, in order
 * @param rows    the rows; values are Java objects of {@link PgTypes#javaClass} for the column type, or null
 */
record Relation(String schema, String name, List<Column> columns, List<Object[]> rows) {
    Relation {
        columns = List.copyOf(columns);
        List<Object[]> copy = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) throw new IllegalArgumentException(name + ": row width differs");
            copy.add(row.clone());
        }
        rows = List.copyOf(copy);
    }

    /** A column and its PostgreSQL type OID. */
    record Column(String name, int typeOid) {}

    /** Columns from a compact spec: {@code "oid:oid nspname:name nspowner:oid"}. */
    static List<Column> columns(String spec) {
        List<Column> out = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) {
            int colon = part.indexOf(':');
            out.add(new Column(part.substring(0, colon), PgTypes.oidOf(part.substring(colon + 1))));
        }
        return out;
    }
}
