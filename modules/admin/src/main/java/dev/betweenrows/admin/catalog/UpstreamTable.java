package dev.betweenrows.admin.catalog;

import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;

import java.util.List;

/**
 * A relation as the upstream describes it now, with columns, primary key and foreign keys (for the API), and all
 * its keys as stored (columns and keys are empty when only the relation list was read).
 */
record UpstreamTable(String schema, String name, TableKind kind, List<UpstreamColumn> columns,
                     List<String> primaryKey, List<ForeignKey> foreignKeys, List<TableKey> keys) {

    record UpstreamColumn(String name, String pgType, int ordinal, boolean nullable, String defaultExpression) {}

    record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                      List<String> referencedColumns) {}

    /** BetweenRows' {@code table_type} strings. */
    static String typeName(TableKind kind) {
        return kind.name().replace('_', ' ');
    }

    static TableKind kindOf(String typeName) {
        try {
            return TableKind.valueOf(typeName.strip().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown table_type: " + typeName);
        }
    }
}
