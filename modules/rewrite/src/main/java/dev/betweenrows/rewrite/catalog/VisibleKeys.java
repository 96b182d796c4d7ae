package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a user may see, with emulated OIDs and attnums. Rules (fail closed):
 * <ul>
 *   <li>a primary key, unique constraint or unique index only when every one of its columns is visible;</li>
 *   <li>a foreign key only when its table, the referenced table and all columns on both sides are visible, and
 *       the referenced columns are a visible key of the referenced table (PostgreSQL's {@code conindid});</li>
 *   <li>a key's upstream name is shown unless it contains the name of a relation or column the user cannot see
 *       (among the allowlist: hidden relations, and hidden columns of the key's table or, for a foreign key, of
 *       the referenced table); then it is named from visible names the way PostgreSQL names keys by default.</li>
 * </ul>
 * Column numbers are the emulated ones (visible columns renumbered 1..n).
 */
record VisibleKeys(List<VisibleKey> keys) {

    /**
     * A visible key. {@code oid} is its pg_constraint OID (0 for a unique index without a constraint);
     * {@code indexOid} its index (for a foreign key, the referenced key's index); {@code contype} is
     * {@code p}, {@code u}, {@code f} or {@code i} (index only).
     */
    record VisibleKey(int oid, int indexOid, String name, char contype, VisibleCatalog.VisibleTable table,
                      List<VisibleCatalog.VisibleColumn> columns, VisibleCatalog.VisibleTable referencedTable,
                      List<VisibleCatalog.VisibleColumn> referencedColumns) {
        boolean hasIndex() {
            return contype != 'f';
        }
    }

    static final VisibleKeys NONE = new VisibleKeys(List.of());

    static VisibleKeys of(List<CatalogTable> allowlist, VisibleCatalog catalog) {
        // twice: the first pass learns which upstream names are shown as they are, so that a key named from visible
        // names in the second never repeats one of them (a duplicate would tell that a name was replaced)
        Names first = new Names(catalog, Map.of());
        build(allowlist, catalog, first);
        return build(allowlist, catalog, new Names(catalog, first.kept));
    }

    /** Names in use per schema: visible relations, upstream key names shown as they are, names made so far. */
    private static final class Names {
        private final Map<String, Set<String>> taken = new HashMap<>();
        private final Map<String, Set<String>> kept = new HashMap<>();

        Names(VisibleCatalog catalog, Map<String, Set<String>> keptBefore) {
            catalog.tables().forEach(t -> in(taken, t.schema()).add(t.name()));
            keptBefore.forEach((schema, names) -> in(taken, schema).addAll(names));
        }

        void keep(String schema, String name) {
            in(kept, schema).add(name);
        }

        /** {@code base}, or as PostgreSQL does when that is taken, {@code base1}, {@code base2}, … */
        String make(String schema, String base) {
            Set<String> used = in(taken, schema);
            String name = base;
            for (int i = 1; used.contains(name); i++) name = base + i;
            used.add(name);
            return name;
        }

        private static Set<String> in(Map<String, Set<String>> map, String schema) {
            return map.computeIfAbsent(schema, s -> new HashSet<>());
        }
    }

    private static VisibleKeys build(List<CatalogTable> allowlist, VisibleCatalog catalog, Names names) {
        Map<TableRef, VisibleCatalog.VisibleTable> visible = new HashMap<>();
        Map<String, VisibleCatalog.VisibleTable> byExposed = new HashMap<>();
        for (VisibleCatalog.VisibleTable t : catalog.tables()) byExposed.put(t.schema() + '.' + t.name(), t);
        Set<String> hiddenNames = new HashSet<>();
        Map<TableRef, CatalogTable> allowed = new HashMap<>();
        for (CatalogTable t : allowlist) {
            allowed.put(t.table(), t);
            VisibleCatalog.VisibleTable v = byExposed.get(t.exposedSchema() + '.' + t.table().table());
            if (v == null) {
                hiddenNames.add(t.table().table().toLowerCase(Locale.ROOT));
                continue;
            }
            visible.put(t.table(), v);
        }
        Set<Integer> used = new TreeSet<>();
        catalog.tables().forEach(t -> used.add(t.oid()));
        List<VisibleKey> out = new ArrayList<>();
        List<CatalogTable> sorted = allowlist.stream().filter(t -> visible.containsKey(t.table()))
                .sorted((a, b) -> a.table().toString().compareTo(b.table().toString())).toList();
        for (CatalogTable t : sorted) {
            VisibleCatalog.VisibleTable table = visible.get(t.table());
            Set<String> hiddenHere = hiddenNames(hiddenNames, t, table);
            for (TableKey k : keysInOrder(t.keys(), TableKey.Kind.FOREIGN_KEY, false)) {
                Optional<List<VisibleCatalog.VisibleColumn>> cols = columns(table, k.columns());
                if (cols.isEmpty()) continue;
                char type = k.kind().code();
                String name = safeName(k.name(), hiddenHere, table, cols.get(), type, names);
                int index = oid("i:" + table.schema() + '.' + name, used);
                int oid = type == 'i' ? 0 : oid("c:" + table.schema() + '.' + table.name() + '.' + name, used);
                out.add(new VisibleKey(oid, index, name, type, table, cols.get(), null, List.of()));
            }
        }
        for (CatalogTable t : sorted) {
            VisibleCatalog.VisibleTable table = visible.get(t.table());
            Set<String> hiddenHere = hiddenNames(hiddenNames, t, table);
            for (TableKey k : keysInOrder(t.keys(), TableKey.Kind.FOREIGN_KEY, true)) {
                VisibleCatalog.VisibleTable ref = visible.get(k.referencedTable());
                if (ref == null) continue;
                Optional<List<VisibleCatalog.VisibleColumn>> cols = columns(table, k.columns());
                Optional<List<VisibleCatalog.VisibleColumn>> refCols = columns(ref, k.referencedColumns());
                if (cols.isEmpty() || refCols.isEmpty()) continue;
                Set<String> refSet = new HashSet<>(k.referencedColumns());
                Optional<VisibleKey> target = out.stream().filter(v -> v.hasIndex() && v.table() == ref
                        && v.columns().stream().map(VisibleCatalog.VisibleColumn::name).collect(
                                java.util.stream.Collectors.toSet()).equals(refSet)).findFirst();
                if (target.isEmpty()) continue;
                Set<String> hiddenEither = new HashSet<>(hiddenHere); // a foreign key's name often quotes the other side
                hiddenEither.addAll(hiddenNames(Set.of(), allowed.get(k.referencedTable()), ref));
                String name = safeName(k.name(), hiddenEither, table, cols.get(), 'f', names);
                int oid = oid("c:" + table.schema() + '.' + table.name() + '.' + name, used);
                out.add(new VisibleKey(oid, target.get().indexOid(), name, 'f', table, cols.get(), ref, refCols.get()));
            }
        }
        return new VisibleKeys(List.copyOf(out));
    }

    /** Lower-cased names a key of {@code t} must not mention: hidden relations and hidden allowlisted columns. */
    private static Set<String> hiddenNames(Set<String> hiddenRelations, CatalogTable t,
                                           VisibleCatalog.VisibleTable table) {
        Set<String> hidden = new HashSet<>(hiddenRelations);
        t.columns().forEach(c -> hidden.add(c.name().toLowerCase(Locale.ROOT)));
        table.columns().forEach(c -> hidden.remove(c.name().toLowerCase(Locale.ROOT)));
        return hidden;
    }

    Optional<VisibleKey> constraint(int oid) {
        return keys.stream().filter(k -> k.oid() == oid && oid != 0).findFirst();
    }

    Optional<VisibleKey> index(int oid) {
        return keys.stream().filter(k -> k.hasIndex() && k.indexOid() == oid).findFirst();
    }

    private static List<TableKey> keysInOrder(List<TableKey> keys, TableKey.Kind kind, boolean only) {
        return keys.stream().filter(k -> (k.kind() == kind) == only)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The visible columns named, in order; empty if any is not visible (or named twice). */
    private static Optional<List<VisibleCatalog.VisibleColumn>> columns(VisibleCatalog.VisibleTable t,
                                                                       List<String> names) {
        List<VisibleCatalog.VisibleColumn> out = new ArrayList<>();
        for (String n : names) {
            Optional<VisibleCatalog.VisibleColumn> c = t.columns().stream().filter(v -> v.name().equals(n)).findFirst();
            if (c.isEmpty()) return Optional.empty();
            out.add(c.get());
        }
        return new LinkedHashSet<>(out).size() == out.size() ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    /**
     * The upstream name, or PostgreSQL's default name from visible names (made unique in the schema) if the
     * upstream one mentions a hidden one.
     */
    private static String safeName(String name, Set<String> hidden, VisibleCatalog.VisibleTable table,
                                   List<VisibleCatalog.VisibleColumn> columns, char type, Names names) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (hidden.stream().noneMatch(lower::contains)) {
            names.keep(table.schema(), name);
            return name;
        }
        String cols = String.join("_", columns.stream().map(VisibleCatalog.VisibleColumn::name).toList());
        return names.make(table.schema(), switch (type) {
            case 'p' -> table.name() + "_pkey";
            case 'f' -> table.name() + "_" + cols + "_fkey";
            case 'u' -> table.name() + "_" + cols + "_key";
            default -> table.name() + "_" + cols + "_idx";
        });
    }

    private static int oid(String key, Set<Integer> used) {
        int oid = VisibleCatalog.hash(key);
        while (!used.add(oid)) oid = oid + 1 >= (1 << 30) ? 16384 : oid + 1;
        return oid;
    }
}
