package dev.betweenrows.rewrite.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * The column names a FROM item exposes. {@code complete} is false when some names could not be derived (e.g. an
 * unnamed expression of a subquery); then a name not found is not proof that it is missing.
 */
record Columns(List<String> names, boolean complete) {
    static final Columns UNKNOWN = new Columns(List.of(), false);

    Columns {
        names = List.copyOf(names);
    }

    static Columns of(List<String> names) {
        return new Columns(names, true);
    }

    /** Yes, no, or (null) cannot tell. */
    Boolean has(String name) {
        if (names.contains(name)) return true;
        return complete ? false : null;
    }

    /** The first {@code aliases.size()} names renamed, as {@code AS x(a, b)} does. */
    Columns renamed(List<String> aliases) {
        List<String> out = new ArrayList<>(aliases);
        for (int i = aliases.size(); i < names.size(); i++) out.add(names.get(i));
        return new Columns(out, complete || aliases.size() >= names.size());
    }

    Columns plus(Columns other) {
        List<String> all = new ArrayList<>(names);
        all.addAll(other.names);
        return new Columns(all, complete && other.complete);
    }
}
