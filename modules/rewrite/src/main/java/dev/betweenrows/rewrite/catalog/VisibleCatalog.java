package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.TablePolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The user's visible catalog as the emulation needs it: visible tables (only those policies leave visible,
 * with visible columns only and masked ones typed as the mask's output), their schemas, and stable OIDs.
 *
 * <p>OIDs are derived from names alone (FNV-1a into 16384 … 2^30), so an object keeps its OID across catalog
 * versions and users, and the numbering reveals nothing about hidden objects (no gaps to count).
 * A table whose policies cannot be bound is left out: the catalog never fails open.
 */
record VisibleCatalog(List<VisibleTable> tables, TreeMap<String, Integer> schemas) {

    /** A visible table with its emulated OID and typed visible columns. */
    record VisibleTable(int oid, String schema, String name, char relkind, int schemaOid,
                        List<VisibleColumn> columns) {}

    /** A visible column: its attnum (1-based position among the visible ones) and emulated type. */
    record VisibleColumn(String name, int attnum, TypeNames.PgType type) {}

    static final int PG_CATALOG_OID = 11, PUBLIC_OID = 2200, INFORMATION_SCHEMA_OID = 13000;

    static VisibleCatalog of(GuardSession session) {
        List<VisibleTable> out = new ArrayList<>();
        TreeMap<String, Integer> schemas = new TreeMap<>();
        TreeSet<Integer> used = new TreeSet<>();
        List<CatalogTable> sorted = new ArrayList<>(session.catalog().tables());
        sorted.sort((a, b) -> (a.exposedSchema() + '.' + a.table().table())
                .compareTo(b.exposedSchema() + '.' + b.table().table()));
        for (CatalogTable t : sorted) {
            Optional<TablePolicy> policy;
            try {
                policy = session.policies().forTable(t.table(), t.columns());
            } catch (BindingException unbound) {
                continue;
            }
            if (policy.isEmpty()) continue;
            int schemaOid = schemas.computeIfAbsent(t.exposedSchema(), VisibleCatalog::schemaOid);
            int oid = oid("r:" + t.exposedSchema() + '.' + t.table().table(), used);
            out.add(new VisibleTable(oid, t.exposedSchema(), t.table().table(), relkind(t), schemaOid,
                    columns(policy.get())));
        }
        return new VisibleCatalog(List.copyOf(out), schemas);
    }

    private static List<VisibleColumn> columns(TablePolicy policy) {
        List<VisibleColumn> out = new ArrayList<>();
        for (ColumnInfo c : policy.visibleColumns()) {
            TypeNames.PgType type = policy.maskOf(c.name())
                    .map(m -> MaskTypes.outputType(m.sql(), policy.visibleColumns()))
                    .orElseGet(() -> TypeNames.parse(c.pgType()));
            out.add(new VisibleColumn(c.name(), out.size() + 1, type));
        }
        return List.copyOf(out);
    }

    private static char relkind(CatalogTable t) {
        return switch (t.kind()) {
            case TABLE -> 'r';
            case VIEW -> 'v';
            case MATERIALIZED_VIEW -> 'm';
            case FOREIGN_TABLE -> 'f';
            case PARTITIONED_TABLE -> 'p';
        };
    }

    static int schemaOid(String schema) {
        return switch (schema) {
            case "pg_catalog" -> PG_CATALOG_OID;
            case "public" -> PUBLIC_OID;
            case "information_schema" -> INFORMATION_SCHEMA_OID;
            default -> hash("n:" + schema);
        };
    }

    /** A stable OID for {@code key}, moved on (deterministically) if a visible object already holds it. */
    private static int oid(String key, TreeSet<Integer> used) {
        int oid = hash(key);
        while (!used.add(oid)) oid = oid + 1 >= (1 << 30) ? 16384 : oid + 1;
        return oid;
    }

    static int hash(String key) {
        int h = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return 16384 + Math.floorMod(h, (1 << 30) - 16384);
    }
}
