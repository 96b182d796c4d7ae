package dev.betweenrows.rewrite.catalog;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code pg_get_constraintdef} and {@code pg_get_indexdef} for visible keys, in PostgreSQL's format. A visible
 * key names only visible relations and columns, so its definition reveals nothing hidden; any other OID has no
 * definition (NULL), exactly like a missing object.
 */
final class KeyDefinitions {
    static final KeyDefinitions NONE = new KeyDefinitions(VisibleKeys.NONE, Set.of());
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private final VisibleKeys keys;
    private final Set<Integer> onSearchPath;

    KeyDefinitions(VisibleKeys keys, Set<Integer> onSearchPath) {
        this.keys = keys;
        this.onSearchPath = Set.copyOf(onSearchPath);
    }

    /** As {@code pg_get_constraintdef(oid)}: {@code PRIMARY KEY (a, b)}, {@code FOREIGN KEY (x) REFERENCES t(y)}. */
    String constraint(int oid) {
        return keys.constraint(oid).map(k -> switch (k.contype()) {
            case 'p' -> "PRIMARY KEY " + list(k.columns());
            case 'u' -> "UNIQUE " + list(k.columns());
            default -> "FOREIGN KEY " + list(k.columns()) + " REFERENCES " + relation(k.referencedTable(), false)
                    + list(k.referencedColumns());
        }).orElse(null);
    }

    /** As {@code pg_get_indexdef(oid, column, pretty)}: the whole definition for column 0, else that column. */
    String index(int oid, int column) {
        return keys.index(oid).map(k -> column == 0
                ? "CREATE UNIQUE INDEX " + ident(k.name()) + " ON " + relation(k.table(), true) + " USING btree "
                        + list(k.columns())
                : column <= k.columns().size() ? ident(k.columns().get(column - 1).name()) : "").orElse(null);
    }

    private String relation(VisibleCatalog.VisibleTable t, boolean qualified) {
        String name = ident(t.name());
        return qualified || !onSearchPath.contains(t.oid()) ? ident(t.schema()) + "." + name : name;
    }

    private static String list(List<VisibleCatalog.VisibleColumn> columns) {
        return columns.stream().map(c -> ident(c.name())).collect(Collectors.joining(", ", "(", ")"));
    }

    static String ident(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    VisibleKeys keys() {
        return keys;
    }
}
