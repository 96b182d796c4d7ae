package dev.betweenrows.policy;

import java.util.Arrays;

/**
 * The five policy types of BetweenRows, with their JSON names ({@link #jsonName()}).
 *
 * <ul>
 *   <li>{@code row_filter}: rows must satisfy the filter; filters of several policies are AND-ed.
 *       A row filter sees raw (unmasked) values. It never grants access to a table.</li>
 *   <li>{@code column_mask}: the column's value is replaced by the mask expression everywhere above
 *       the table reference. Per column the mask with the best rank wins (see {@link EffectivePolicies}).</li>
 *   <li>{@code column_allow}: the only grant. In {@link AccessMode#POLICY_REQUIRED} a table is visible
 *       only through an allow; in {@link AccessMode#OPEN} an allow restricts its table to the listed
 *       columns. Several allows are unioned.</li>
 *   <li>{@code column_deny}: removes columns. Beats allow and mask.</li>
 *   <li>{@code table_deny}: hides tables (or a whole schema with {@code tables:["*"]}). Beats everything.</li>
 * </ul>
 */
public enum PolicyType {
    ROW_FILTER("row_filter"),
    COLUMN_MASK("column_mask"),
    COLUMN_ALLOW("column_allow"),
    COLUMN_DENY("column_deny"),
    TABLE_DENY("table_deny");

    private final String jsonName;

    PolicyType(String jsonName) { this.jsonName = jsonName; }

    /** The name used in the REST API and the store, e.g. {@code row_filter}. */
    public String jsonName() { return jsonName; }

    /** Parses a JSON name; throws {@link IllegalArgumentException} for anything else (case-sensitive). */
    public static PolicyType fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy_type: " + name));
    }

    /** Whether targets must list columns (mask, allow, deny) — otherwise they must not list any. */
    public boolean targetsColumns() {
        return this == COLUMN_MASK || this == COLUMN_ALLOW || this == COLUMN_DENY;
    }

    /** Whether the policy carries an expression (filter or mask) — otherwise it must carry none. */
    public boolean hasExpression() { return this == ROW_FILTER || this == COLUMN_MASK; }
}
