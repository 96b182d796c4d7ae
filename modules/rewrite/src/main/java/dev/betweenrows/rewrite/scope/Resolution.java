package dev.betweenrows.rewrite.scope;

import java.util.List;

/**
 * What resolving a statement found: every base-table reference, the point lookups above them, and the column
 * references whose schema qualifier must go once tables are replaced by aliased derived tables.
 */
public record Resolution(List<TableReference> tables, List<PointLookup> lookups, List<TextEdit> requalifications) {
    public Resolution {
        tables = List.copyOf(tables);
        lookups = List.copyOf(lookups);
        requalifications = List.copyOf(requalifications);
    }
}
