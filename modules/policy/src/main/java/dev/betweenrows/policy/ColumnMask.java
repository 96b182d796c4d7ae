package dev.betweenrows.policy;

/**
 * The winning mask of a visible column.
 *
 * @param column the column name
 * @param sql    the bound mask expression; it may refer to any column of the table by name (raw values)
 * @param policy the mask policy
 */
public record ColumnMask(String column, String sql, AppliedPolicy policy) {
    public ColumnMask {
        Checks.nonBlank(column, "column");
        Checks.nonBlank(sql, "sql");
        Checks.required(policy, "policy");
    }
}
