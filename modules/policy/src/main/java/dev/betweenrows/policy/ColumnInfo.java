package dev.betweenrows.policy;

/**
 * A column of the catalog allowlist.
 *
 * @param name   the column name (case-sensitive)
 * @param pgType the PostgreSQL type as the catalog stores it, e.g. {@code text}, {@code numeric(10,2)}
 */
public record ColumnInfo(String name, String pgType) {
    public ColumnInfo {
        Checks.nonBlank(name, "name");
        Checks.nonBlank(pgType, "pgType");
    }
}
