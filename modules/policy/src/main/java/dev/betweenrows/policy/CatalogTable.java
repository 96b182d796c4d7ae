package dev.betweenrows.policy;

import java.util.List;

/**
 * An allowlisted relation of a data source's catalog.
 *
 * @param table         upstream schema and name (what policies match and what is sent upstream)
 * @param exposedSchema the schema name clients use (the catalog alias, or the upstream name)
 * @param kind          table, view, …
 * @param columns       the allowlisted (selected) columns in catalog order
 * @param keys          the relation's keys as discovered upstream (they may name columns or relations that are
 *                      not allowlisted: whoever shows a key must check every name in it)
 */
public record CatalogTable(TableRef table, String exposedSchema, TableKind kind, List<ColumnInfo> columns,
                           List<TableKey> keys) {
    public CatalogTable {
        Checks.required(table, "table");
        Checks.nonBlank(exposedSchema, "exposedSchema");
        Checks.required(kind, "kind");
        columns = Checks.list(columns, "columns");
        keys = keys == null ? List.of() : Checks.list(keys, "keys");
    }

    /** A relation without keys. */
    public CatalogTable(TableRef table, String exposedSchema, TableKind kind, List<ColumnInfo> columns) {
        this(table, exposedSchema, kind, columns, List.of());
    }
}
