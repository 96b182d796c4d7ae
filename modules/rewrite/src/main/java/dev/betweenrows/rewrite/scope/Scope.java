package dev.betweenrows.rewrite.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One level of name resolution: the CTEs a WITH defines, or the FROM items (and output aliases) of a SELECT.
 * Lookups go from the innermost level outwards, as in PostgreSQL.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Columns> ctes = new HashMap<>();
    private final List<FromItem> items = new ArrayList<>();
    private final Set<String> outputAliases = new HashSet<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() { return parent; }

    void defineCte(String name, Columns columns) { ctes.put(name, columns); }

    void add(FromItem item) { items.add(item); }

    List<FromItem> items() { return items; }

    void addOutputAlias(String name) { outputAliases.add(name); }

    boolean isOutputAlias(String name) { return outputAliases.contains(name); }

    /** The CTE {@code name} visible here, or null. */
    Columns cte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Columns c = s.ctes.get(name);
            if (c != null) return c;
        }
        return null;
    }

    /** The innermost FROM item called {@code name}, or null. */
    FromItem item(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            for (FromItem i : s.items) if (name.equals(i.name())) return i;
        }
        return null;
    }
}
