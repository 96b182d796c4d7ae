package dev.betweenrows.rewrite.enforce;

import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.RowFilter;
import dev.betweenrows.policy.TablePolicy;
import dev.betweenrows.rewrite.scope.PointLookup;
import dev.betweenrows.rewrite.scope.TableReference;
import dev.betweenrows.rewrite.splice.SqlNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy-restricted relation that replaces one base-table reference:
 * <pre>(SELECT visible columns, (mask) AS masked column FROM [ONLY] schema.table [TABLESAMPLE …]
 *     WHERE filters AND lookups OFFSET 0)</pre>
 * Masks are computed inside, so everything above sees masked values; filters see raw values. When a row filter
 * hides rows, {@code OFFSET 0} fences the derived table: PostgreSQL then never pushes the user's predicates below
 * it, so no user expression runs on a hidden row (no error oracles). The user's leakproof comparisons of unmasked
 * columns with constants ({@link dev.betweenrows.rewrite.scope.PointLookup}) are copied inside the fence so indexes
 * still serve point lookups and ranges. Without a row
 * filter nothing is hidden and no fence is needed, so PostgreSQL may flatten the derived table as it likes.
 */
final class DerivedTable {
    private DerivedTable() {}

    static String of(TableReference ref, List<PointLookup> lookups) {
        TablePolicy policy = ref.table().policy();
        StringBuilder sql = new StringBuilder("(SELECT ");
        String sep = "";
        for (ColumnInfo column : policy.visibleColumns()) {
            String name = SqlNames.quote(column.name());
            sql.append(sep);
            sep = ", ";
            var mask = policy.maskOf(column.name());
            if (mask.isPresent()) sql.append(expression(mask.get().sql())).append(" AS ").append(name);
            else sql.append(name);
        }
        sql.append(ref.only() ? " FROM ONLY " : " FROM ").append(SqlNames.quote(policy.table().schema())).append('.')
                .append(SqlNames.quote(policy.table().table()));
        if (ref.sample() != null) sql.append(' ').append(ref.sample().text());
        List<String> conditions = new ArrayList<>();
        for (RowFilter filter : policy.rowFilters()) conditions.add(expression(filter.sql()));
        boolean fenced = !policy.rowFilters().isEmpty();
        if (fenced) conditions.addAll(copied(ref, lookups));
        if (!conditions.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", conditions));
        if (fenced) sql.append(" OFFSET 0");
        return sql.append(')').toString();
    }

    private static Set<String> copied(TableReference ref, List<PointLookup> lookups) {
        Set<String> out = new LinkedHashSet<>();
        for (PointLookup l : lookups) {
            if (l.reference() == ref) out.add(l.condition());
        }
        return out;
    }

    /** A policy expression in parentheses; a trailing line comment in it cannot swallow what follows. */
    private static String expression(String sql) {
        return sql.contains("--") ? "(" + sql + "\n)" : "(" + sql + ")";
    }
}
