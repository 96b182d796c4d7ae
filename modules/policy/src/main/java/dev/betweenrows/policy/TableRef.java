package dev.betweenrows.policy;

/** A table or view by its upstream schema and name (case-sensitive, as stored in the catalog). */
public record TableRef(String schema, String table) {
    public TableRef {
        Checks.nonBlank(schema, "schema");
        Checks.nonBlank(table, "table");
    }

    @Override public String toString() { return schema + "." + table; }
}
