package dev.betweenrows.policy;

/** A column of a table. */
public record ColumnRef(TableRef table, String column) {
    public ColumnRef {
        Checks.required(table, "table");
        Checks.nonBlank(column, "column");
    }
}
