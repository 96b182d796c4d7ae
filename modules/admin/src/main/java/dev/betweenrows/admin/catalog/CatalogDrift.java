package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.catalog.UpstreamTable.UpstreamColumn;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between the stored catalog and the upstream, and the catalog after a sync. A sync keeps
 * every selection, updates types, drops what is gone upstream and adds new tables and columns
 * <em>unselected</em> (BetweenRows selected new columns of selected tables, widening access silently).
 * Keys are taken from the upstream as they are now. New schemas are only reported. Breaking: a selected item is gone or a selected column changed type.
 */
record CatalogDrift(List<CatalogSchemaEntry> synced, boolean changed, JsonObject json) {

    static CatalogDrift compare(List<CatalogSchemaEntry> stored, List<String> upstreamSchemas,
                                Map<String, UpstreamTable> upstream) {
        JsonArrayBuilder addedSchemas = Json.createArrayBuilder(), removedSchemas = Json.createArrayBuilder();
        JsonArrayBuilder addedTables = Json.createArrayBuilder(), removedTables = Json.createArrayBuilder();
        JsonArrayBuilder changedColumns = Json.createArrayBuilder(), changedTables = Json.createArrayBuilder();
        boolean changed = false, breaking = false;
        List<CatalogSchemaEntry> synced = new ArrayList<>();
        for (String s : upstreamSchemas)
            if (stored.stream().noneMatch(e -> e.upstreamName().equals(s))) addedSchemas.add(s);
        for (CatalogSchemaEntry schema : stored) {
            if (!upstreamSchemas.contains(schema.upstreamName())) {
                removedSchemas.add(schema.upstreamName());
                changed = true;
                breaking |= schema.selected();
                continue;
            }
            Map<String, CatalogTableEntry> known = new LinkedHashMap<>();
            schema.tables().forEach(t -> known.put(t.name(), t));
            List<CatalogTableEntry> tables = new ArrayList<>();
            for (UpstreamTable up : upstream.values()) {
                if (!up.schema().equals(schema.upstreamName())) continue;
                CatalogTableEntry old = known.remove(up.name());
                if (old == null) {
                    addedTables.add(ref(schema.upstreamName(), up.name()).add("table_type", UpstreamTable.typeName(up.kind())));
                    changed = true;
                    tables.add(new CatalogTableEntry(up.name(), up.kind(), false, up.columns().stream()
                            .map(c -> new CatalogColumnEntry(c.name(), c.pgType(), c.ordinal(), c.nullable(), false)).toList(),
                            up.keys()));
                    continue;
                }
                boolean live = schema.selected() && old.selected();
                if (old.kind() != up.kind()) {
                    changedTables.add(ref(schema.upstreamName(), up.name()).add("from", UpstreamTable.typeName(old.kind()))
                            .add("to", UpstreamTable.typeName(up.kind())));
                    changed = true;
                    breaking |= live;
                }
                Map<String, CatalogColumnEntry> columns = new LinkedHashMap<>();
                old.columns().forEach(c -> columns.put(c.name(), c));
                List<CatalogColumnEntry> kept = new ArrayList<>();
                for (UpstreamColumn c : up.columns()) {
                    CatalogColumnEntry was = columns.remove(c.name());
                    if (was == null) {
                        changedColumns.add(column(schema, up.name(), c.name(), "added").add("data_type", c.pgType()));
                        changed = true;
                        kept.add(new CatalogColumnEntry(c.name(), c.pgType(), c.ordinal(), c.nullable(), false));
                        continue;
                    }
                    if (!was.pgType().equals(c.pgType())) {
                        changedColumns.add(column(schema, up.name(), c.name(), "type_changed").add("from", was.pgType())
                                .add("to", c.pgType()));
                        breaking |= live && was.selected();
                    }
                    changed |= !was.pgType().equals(c.pgType()) || was.nullable() != c.nullable() || was.ordinal() != c.ordinal();
                    kept.add(new CatalogColumnEntry(c.name(), c.pgType(), c.ordinal(), c.nullable(), was.selected()));
                }
                for (CatalogColumnEntry gone : columns.values()) {
                    changedColumns.add(column(schema, up.name(), gone.name(), "removed").add("data_type", gone.pgType()));
                    changed = true;
                    breaking |= live && gone.selected();
                }
                changed |= !java.util.Set.copyOf(old.keys()).equals(java.util.Set.copyOf(up.keys()));
                tables.add(new CatalogTableEntry(up.name(), up.kind(), old.selected(), kept, up.keys()));
            }
            for (CatalogTableEntry gone : known.values()) {
                removedTables.add(ref(schema.upstreamName(), gone.name()));
                changed = true;
                breaking |= schema.selected() && gone.selected();
            }
            synced.add(new CatalogSchemaEntry(schema.upstreamName(), schema.alias(), schema.selected(), tables));
        }
        JsonObject json = Json.createObjectBuilder().add("added_schemas", addedSchemas).add("removed_schemas", removedSchemas)
                .add("added_tables", addedTables).add("removed_tables", removedTables)
                .add("changed_tables", changedTables).add("changed_columns", changedColumns)
                .add("has_breaking_changes", breaking).add("applied", changed).build();
        return new CatalogDrift(synced, changed, Objects.requireNonNull(json));
    }

    private static jakarta.json.JsonObjectBuilder ref(String schema, String table) {
        return Json.createObjectBuilder().add("schema_name", schema).add("table_name", table);
    }

    private static jakarta.json.JsonObjectBuilder column(CatalogSchemaEntry schema, String table, String column, String change) {
        return ref(schema.upstreamName(), table).add("column_name", column).add("change", change);
    }
}
