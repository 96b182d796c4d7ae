package dev.betweenrows.policy;

import java.util.List;
import java.util.Optional;

/**
 * What a user may see of one visible table.
 *
 * @param table          the table (upstream names)
 * @param visibleColumns the visible columns in catalog order; never empty ({@code SELECT *} expands to these)
 * @param masks          the winning mask per masked visible column, in catalog column order
 * @param rowFilters     every row filter that applies, in rank order; rows must satisfy all (AND)
 * @param applied        every policy that took effect on the table, in rank order, for the audit:
 *                       the allows that matched it, the denies that removed one of its columns, the
 *                       winning masks and the row filters
 */
public record TablePolicy(TableRef table, List<ColumnInfo> visibleColumns, List<ColumnMask> masks,
                          List<RowFilter> rowFilters, List<AppliedPolicy> applied) {
    public TablePolicy {
        Checks.required(table, "table");
        visibleColumns = Checks.nonEmptyList(visibleColumns, "visibleColumns");
        masks = Checks.list(masks, "masks");
        rowFilters = Checks.list(rowFilters, "rowFilters");
        applied = Checks.list(applied, "applied");
    }

    public Optional<ColumnMask> maskOf(String column) {
        return masks.stream().filter(m -> m.column().equals(column)).findFirst();
    }

    public boolean isVisible(String column) {
        return visibleColumns.stream().anyMatch(c -> c.name().equals(column));
    }

    /** Whether the table is exposed unchanged (all catalog columns, no mask, no filter). */
    public boolean isUnrestricted(int catalogColumnCount) {
        return masks.isEmpty() && rowFilters.isEmpty() && visibleColumns.size() == catalogColumnCount;
    }
}
