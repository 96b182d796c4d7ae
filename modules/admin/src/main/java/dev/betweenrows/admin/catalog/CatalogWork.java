package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.catalog.CatalogSelection.ColumnChoice;
import dev.betweenrows.admin.catalog.CatalogSelection.SchemaChoice;
import dev.betweenrows.admin.catalog.CatalogSelection.TableChoice;
import dev.betweenrows.admin.catalog.UpstreamTable.ForeignKey;
import dev.betweenrows.admin.catalog.UpstreamTable.UpstreamColumn;
import dev.betweenrows.admin.upstream.Upstream;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceRecord;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each discovery action does against the upstream and the store. Runs on the job's thread. */
final class CatalogWork {
    private final AdminStore store;

    CatalogWork(AdminStore store) {
        this.store = store;
    }

    /** A unit of work with an open, job-attached upstream connection. */
    private interface WithDiscoverer {
        JsonValue run(Discoverer d) throws SQLException;
    }

    private JsonValue connected(DiscoveryJob job, DataSourceRecord ds, WithDiscoverer work) throws SQLException {
        job.progress("connect", ds.settings().host() + ":" + ds.settings().port() + "/" + ds.settings().database());
        try (Connection c = Upstream.open(ds, store.dataSources())) {
            job.attach(c);
            return work.run(new Discoverer(c));
        }
    }

    JsonValue discoverSchemas(DiscoveryJob job, DataSourceRecord ds) throws SQLException {
        return connected(job, ds, d -> {
            job.progress("schemas", "reading schemas");
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (String s : d.schemas()) out.add(Json.createObjectBuilder().add("schema_name", s));
            return Json.createObjectBuilder().add("schemas", out).build();
        });
    }

    JsonValue discoverTables(DiscoveryJob job, DataSourceRecord ds, List<String> schemas) throws SQLException {
        return connected(job, ds, d -> {
            job.progress("tables", "reading relations of " + schemas.size() + " schema(s)");
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (UpstreamTable t : d.tables(schemas)) out.add(table(t, false));
            return Json.createObjectBuilder().add("tables", out).build();
        });
    }

    JsonValue discoverColumns(DiscoveryJob job, DataSourceRecord ds, List<String[]> tables) throws SQLException {
        return connected(job, ds, d -> {
            Set<String> schemas = new java.util.TreeSet<>();
            tables.forEach(t -> schemas.add(t[0]));
            job.progress("columns", "reading columns and keys of " + tables.size() + " relation(s)");
            Map<String, UpstreamTable> details = d.details(schemas);
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (String[] t : tables) {
                UpstreamTable found = details.get(Discoverer.key(t[0], t[1]));
                if (found == null) throw new IllegalArgumentException("relation not found upstream: " + t[0] + "." + t[1]);
                out.add(table(found, true));
            }
            return Json.createObjectBuilder().add("tables", out).build();
        });
    }

    JsonValue save(DiscoveryJob job, DataSourceRecord ds, CatalogSelection selection, Actor actor) throws SQLException {
        return connected(job, ds, d -> {
            Set<String> upstreamSchemas = new HashSet<>(d.schemas());
            List<String> names = selection.schemas().stream().map(SchemaChoice::name).toList();
            for (String s : names)
                if (!upstreamSchemas.contains(s)) throw new IllegalArgumentException("schema not found upstream: " + s);
            job.progress("columns", "reading columns of " + names.size() + " schema(s)");
            Map<String, UpstreamTable> details = d.details(names);
            List<CatalogSchemaEntry> entries = new ArrayList<>();
            for (SchemaChoice s : selection.schemas()) entries.add(schemaEntry(s, details));
            requireUniqueExposedNames(entries);
            job.progress("save", "saving the catalog");
            store.catalog().save(ds.id(), entries, actor);
            return counts(entries);
        });
    }

    JsonValue sync(DiscoveryJob job, DataSourceRecord ds, Actor actor) throws SQLException {
        List<CatalogSchemaEntry> stored = store.catalog().read(ds.id());
        if (stored.isEmpty()) throw new IllegalArgumentException("no catalog saved yet: run save_catalog first");
        return connected(job, ds, d -> {
            List<String> upstreamSchemas = d.schemas();
            List<String> present = stored.stream().map(CatalogSchemaEntry::upstreamName).filter(upstreamSchemas::contains).toList();
            job.progress("columns", "comparing " + present.size() + " schema(s) with the upstream");
            CatalogDrift drift = CatalogDrift.compare(stored, upstreamSchemas, d.details(present));
            if (drift.changed()) {
                job.progress("save", "saving the synchronised catalog (new items unselected)");
                store.catalog().save(ds.id(), drift.synced(), actor);
            }
            return drift.json();
        });
    }

    private static CatalogSchemaEntry schemaEntry(SchemaChoice s, Map<String, UpstreamTable> details) {
        Map<String, TableChoice> wanted = new LinkedHashMap<>();
        for (TableChoice t : s.tables()) wanted.put(t.name(), t);
        List<CatalogTableEntry> tables = new ArrayList<>();
        for (UpstreamTable up : details.values()) {
            if (!up.schema().equals(s.name())) continue;
            TableChoice choice = wanted.remove(up.name());
            boolean selected = s.selected() && choice != null && choice.selected();
            Map<String, Boolean> columnChoice = new LinkedHashMap<>();
            if (choice != null && choice.columns() != null)
                for (ColumnChoice c : choice.columns()) columnChoice.put(c.name(), c.selected());
            List<CatalogColumnEntry> columns = new ArrayList<>();
            for (UpstreamColumn c : up.columns()) {
                Boolean chosen = columnChoice.remove(c.name());
                boolean columnSelected = selected && (choice.columns() == null || Boolean.TRUE.equals(chosen));
                columns.add(new CatalogColumnEntry(c.name(), c.pgType(), c.ordinal(), c.nullable(), columnSelected));
            }
            if (!columnChoice.isEmpty())
                throw new IllegalArgumentException("column not found upstream: " + s.name() + "." + up.name() + "."
                        + columnChoice.keySet().iterator().next());
            tables.add(new CatalogTableEntry(up.name(), up.kind(), selected, columns, up.keys()));
        }
        if (!wanted.isEmpty())
            throw new IllegalArgumentException("relation not found upstream: " + s.name() + "." + wanted.keySet().iterator().next());
        return new CatalogSchemaEntry(s.name(), s.alias(), s.selected(), tables);
    }

    private static void requireUniqueExposedNames(List<CatalogSchemaEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (CatalogSchemaEntry e : entries)
            if (!seen.add(e.exposedName()))
                throw new IllegalArgumentException("two schemas would be exposed as " + e.exposedName() + ": aliases must be unique");
    }

    private static JsonObject counts(List<CatalogSchemaEntry> entries) {
        int tables = 0, selectedTables = 0, selectedColumns = 0;
        for (CatalogSchemaEntry s : entries)
            for (CatalogTableEntry t : s.tables()) {
                tables++;
                if (s.selected() && t.selected()) {
                    selectedTables++;
                    selectedColumns += (int) t.columns().stream().filter(CatalogColumnEntry::selected).count();
                }
            }
        return Json.createObjectBuilder().add("schemas", entries.size()).add("tables", tables)
                .add("selected_tables", selectedTables).add("selected_columns", selectedColumns).build();
    }

    static JsonObject table(UpstreamTable t, boolean details) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("schema_name", t.schema()).add("table_name", t.name())
                .add("table_type", UpstreamTable.typeName(t.kind()));
        if (!details) return b.build();
        JsonArrayBuilder columns = Json.createArrayBuilder();
        for (UpstreamColumn c : t.columns()) {
            JsonObjectBuilder cb = Json.createObjectBuilder().add("column_name", c.name()).add("ordinal_position", c.ordinal())
                    .add("data_type", c.pgType()).add("is_nullable", c.nullable());
            cb.add("column_default", c.defaultExpression() == null ? JsonValue.NULL : Json.createValue(c.defaultExpression()));
            cb.add("is_primary_key", t.primaryKey().contains(c.name()));
            columns.add(cb);
        }
        JsonArrayBuilder fks = Json.createArrayBuilder();
        for (ForeignKey fk : t.foreignKeys()) {
            fks.add(Json.createObjectBuilder().add("name", fk.name()).add("columns", Json.createArrayBuilder(fk.columns()))
                    .add("referenced_schema", fk.referencedSchema()).add("referenced_table", fk.referencedTable())
                    .add("referenced_columns", Json.createArrayBuilder(fk.referencedColumns())));
        }
        return b.add("columns", columns).add("primary_key", Json.createArrayBuilder(t.primaryKey()))
                .add("foreign_keys", fks).build();
    }
}
