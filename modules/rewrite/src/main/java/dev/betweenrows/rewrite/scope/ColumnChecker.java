package dev.betweenrows.rewrite.scope;

import dev.betweenrows.rewrite.splice.SqlNames;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Checks a column reference against the FROM items in scope, with PostgreSQL's messages: {@code column "x" does
 * not exist}, {@code column t.x does not exist}, {@code missing FROM-clause entry for table "t"}. Only refuses
 * what is certainly absent; a {@code schema.table.column} reference to an unaliased table is re-qualified to
 * {@code table.column}, since the table becomes a derived table named after it.
 */
final class ColumnChecker {
    private final ResolveState state;

    ColumnChecker(ResolveState state) {
        this.state = state;
    }

    void check(SqlIdentifier id, Scope scope) {
        List<String> names = id.names;
        int start = state.start(id);
        switch (names.size()) {
            case 1 -> unqualified(names.get(0), scope, start);
            case 2 -> qualified(names.get(0), names.get(1), scope, start);
            case 3 -> schemaQualified(id, scope, start);
            default -> throw ResolveException.unsupported("column reference with " + names.size() + " parts", start);
        }
    }

    private void unqualified(String name, Scope scope, int start) {
        if (name.isEmpty()) return; // * (count(*), SELECT *)
        Boolean found = find(name, scope);
        if (found == null || found) return;
        if (scope.item(name) != null) return; // whole-row reference: SELECT c FROM customers c
        if (scope.isOutputAlias(name)) return;
        throw new ResolveException("42703", "column \"" + name + "\" does not exist", start, "no visible column " + name);
    }

    private void qualified(String qualifier, String name, Scope scope, int start) {
        FromItem item = scope.item(qualifier);
        if (item != null) {
            if (name.isEmpty() || !Boolean.FALSE.equals(item.columns().has(name))) return;
            throw new ResolveException("42703", "column " + qualifier + "." + name + " does not exist", start,
                    "no visible column " + qualifier + "." + name);
        }
        // (composite).field reads as qualifier.field in Calcite's tree.
        if (!Boolean.FALSE.equals(find(qualifier, scope))) return;
        throw new ResolveException("42P01", "missing FROM-clause entry for table \"" + qualifier + "\"", start,
                "no FROM item " + qualifier);
    }

    private void schemaQualified(SqlIdentifier id, Scope scope, int start) {
        String schema = id.names.get(0);
        String table = id.names.get(1);
        FromItem item = scope.item(table);
        if (item != null && item.base() != null && !item.base().aliased()
                && item.base().table().table().exposedSchema().equals(schema)) {
            int end = state.end(state.component(id, 1));
            state.requalifications.add(new TextEdit(start, end, SqlNames.quote(table)));
            qualified(table, id.names.get(2), scope, start);
            return;
        }
        FromItem composite = scope.item(schema);
        if (composite != null && !Boolean.FALSE.equals(composite.columns().has(table))) return;
        throw new ResolveException("42P01", "missing FROM-clause entry for table \"" + table + "\"", start,
                "no FROM item " + schema + "." + table);
    }

    /** Whether some FROM item in scope has the column: true, false, or null when that cannot be told. */
    private static Boolean find(String name, Scope scope) {
        boolean unknown = false;
        for (Scope s = scope; s != null; s = s.parent()) {
            for (FromItem item : s.items()) {
                Boolean has = item.columns().has(name);
                if (Boolean.TRUE.equals(has)) return true;
                if (has == null) unknown = true;
            }
        }
        return unknown ? null : false;
    }
}
