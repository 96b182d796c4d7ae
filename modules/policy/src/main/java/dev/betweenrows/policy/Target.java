package dev.betweenrows.policy;

import java.util.List;

/**
 * One target entry of a policy: schema, table and (for column policies) column patterns.
 * An entry matches a table when one schema pattern matches the table's <em>upstream</em> schema name
 * (never a catalog alias) and one table pattern matches the table name; it matches a column when it
 * also has a column pattern matching the column name. A policy's entries are OR-ed.
 *
 * @param schemas non-empty schema patterns
 * @param tables  non-empty table patterns
 * @param columns column patterns; empty for {@code row_filter} and {@code table_deny}
 */
public record Target(List<Glob> schemas, List<Glob> tables, List<Glob> columns) {
    public Target {
        schemas = Checks.nonEmptyList(schemas, "schemas");
        tables = Checks.nonEmptyList(tables, "tables");
        columns = Checks.list(columns, "columns");
    }

    /** Builds a target from plain pattern strings (the JSON shape). */
    public static Target of(List<String> schemas, List<String> tables, List<String> columns) {
        return new Target(globs(schemas), globs(tables), globs(columns == null ? List.of() : columns));
    }

    private static List<Glob> globs(List<String> patterns) {
        return patterns == null ? null : patterns.stream().map(Glob::new).toList();
    }

    public boolean matchesTable(TableRef table) {
        return schemas.stream().anyMatch(g -> g.matches(table.schema()))
                && tables.stream().anyMatch(g -> g.matches(table.table()));
    }

    public boolean matchesColumn(TableRef table, String column) {
        return matchesTable(table) && columns.stream().anyMatch(g -> g.matches(column));
    }

    /** Whether this entry hides whole schemas when used by a {@code table_deny} ({@code tables:["*"]}). */
    public boolean coversWholeSchema(String schema) {
        return tables.stream().anyMatch(Glob::isWildcard) && schemas.stream().anyMatch(g -> g.matches(schema));
    }
}
