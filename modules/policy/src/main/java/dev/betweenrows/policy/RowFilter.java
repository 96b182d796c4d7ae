package dev.betweenrows.policy;

/**
 * A row filter of a table: rows must satisfy {@code sql}, which sees raw (unmasked) column values.
 *
 * @param sql    the bound filter expression
 * @param policy the row-filter policy
 */
public record RowFilter(String sql, AppliedPolicy policy) {
    public RowFilter {
        Checks.nonBlank(sql, "sql");
        Checks.required(policy, "policy");
    }
}
