package dev.betweenrows.store.derby;

import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogRepository;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import io.helidon.dbclient.DbExecute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The catalog allowlist; a save replaces the data source's rows in one transaction. */
final class DbCatalogRepository implements CatalogRepository {
    private final Transactions tx;

    DbCatalogRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(String dataSourceId, List<CatalogSchemaEntry> schemas, Actor actor) {
        List<CatalogSchemaEntry> copy = List.copyOf(schemas);
        tx.run(actor, t -> {
            DbDataSourceRepository.get(t.db, dataSourceId);
            Counts before = counts(read(t.db, dataSourceId));
            t.db.delete("DELETE FROM br_catalog_schema WHERE data_source_id = ?", dataSourceId);   // tables, columns cascade
            for (CatalogSchemaEntry s : copy) {
                String schemaId = Rows.newId();
                t.db.insert("INSERT INTO br_catalog_schema (id, data_source_id, schema_name, schema_alias, is_selected)"
                        + " VALUES (?, ?, ?, ?, ?)", schemaId, dataSourceId, s.upstreamName(), s.alias(), s.selected());
                for (CatalogTableEntry table : s.tables()) {
                    String tableId = Rows.newId();
                    t.db.insert("INSERT INTO br_catalog_table (id, schema_id, table_name, table_kind, is_selected)"
                                    + " VALUES (?, ?, ?, ?, ?)", tableId, schemaId, table.name(),
                            table.kind().name().toLowerCase(Locale.ROOT), table.selected());
                    for (CatalogColumnEntry c : table.columns()) {
                        t.db.insert("INSERT INTO br_catalog_column (id, table_id, column_name, pg_type, ordinal_position,"
                                        + " is_nullable, is_selected) VALUES (?, ?, ?, ?, ?, ?, ?)", Rows.newId(), tableId,
                                c.name(), c.pgType(), c.ordinal(), c.nullable(), c.selected());
                    }
                    for (TableKey k : table.keys()) {
                        TableRef ref = k.referencedTable();
                        t.db.insert("INSERT INTO br_catalog_key (id, table_id, key_name, key_kind, column_names,"
                                        + " ref_schema_name, ref_table_name, ref_column_names) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                Rows.newId(), tableId, k.name(), String.valueOf(k.kind().code()),
                                Json.strings(k.columns()).toString(), ref == null ? null : ref.schema(),
                                ref == null ? null : ref.table(),
                                ref == null ? null : Json.strings(k.referencedColumns()).toString());
                    }
                }
            }
            t.audit("save_catalog", "catalog", dataSourceId, before.json(), counts(copy).json());
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public List<CatalogSchemaEntry> read(String dataSourceId) {
        return read(tx.reader(), dataSourceId);
    }

    @Override
    public CatalogSnapshot snapshot(String dataSourceId) {
        long version = tx.policySetVersion();
        List<CatalogTable> tables = new ArrayList<>();
        for (CatalogSchemaEntry s : read(dataSourceId)) {
            if (!s.selected()) continue;
            for (CatalogTableEntry t : s.tables()) {
                if (!t.selected()) continue;
                List<ColumnInfo> columns = t.columns().stream().filter(CatalogColumnEntry::selected)
                        .map(c -> new ColumnInfo(c.name(), c.pgType())).toList();
                tables.add(new CatalogTable(new TableRef(s.upstreamName(), t.name()), s.exposedName(), t.kind(), columns,
                        t.keys()));
            }
        }
        return new CatalogSnapshot(dataSourceId, version, tables);
    }

    private static List<CatalogSchemaEntry> read(DbExecute db, String dataSourceId) {
        record Col(String tableId, CatalogColumnEntry entry) {}
        record Tab(String id, String schemaId, String name, TableKind kind, boolean selected) {}
        record Key(String tableId, TableKey key) {}
        List<Col> cols = Rows.list(db, r -> new Col(Rows.str(r, 1), new CatalogColumnEntry(Rows.str(r, 2),
                        Rows.str(r, 3), (int) Rows.num(r, 4), Rows.bool(r, 5), Rows.bool(r, 6))),
                "SELECT c.table_id, c.column_name, c.pg_type, c.ordinal_position, c.is_nullable, c.is_selected"
                        + " FROM br_catalog_column c JOIN br_catalog_table t ON t.id = c.table_id"
                        + " JOIN br_catalog_schema s ON s.id = t.schema_id WHERE s.data_source_id = ?"
                        + " ORDER BY c.ordinal_position, c.column_name", dataSourceId);
        List<Tab> tabs = Rows.list(db, r -> new Tab(Rows.str(r, 1), Rows.str(r, 2), Rows.str(r, 3),
                        TableKind.valueOf(Rows.str(r, 4).toUpperCase(Locale.ROOT)), Rows.bool(r, 5)),
                "SELECT t.id, t.schema_id, t.table_name, t.table_kind, t.is_selected FROM br_catalog_table t"
                        + " JOIN br_catalog_schema s ON s.id = t.schema_id WHERE s.data_source_id = ? ORDER BY t.table_name",
                dataSourceId);
        List<Key> keys = Rows.list(db, r -> new Key(Rows.str(r, 1), key(Rows.str(r, 2), Rows.str(r, 3), Rows.str(r, 4),
                        Rows.str(r, 5), Rows.str(r, 6), Rows.str(r, 7))),
                "SELECT k.table_id, k.key_name, k.key_kind, k.column_names, k.ref_schema_name, k.ref_table_name,"
                        + " k.ref_column_names FROM br_catalog_key k JOIN br_catalog_table t ON t.id = k.table_id"
                        + " JOIN br_catalog_schema s ON s.id = t.schema_id WHERE s.data_source_id = ?"
                        + " ORDER BY k.key_kind, k.key_name", dataSourceId);
        return Rows.list(db, r -> {
                    String schemaId = Rows.str(r, 1);
                    List<CatalogTableEntry> tables = tabs.stream().filter(t -> t.schemaId().equals(schemaId))
                            .map(t -> new CatalogTableEntry(t.name(), t.kind(), t.selected(), cols.stream()
                                    .filter(c -> c.tableId().equals(t.id())).map(Col::entry).toList(),
                                    keys.stream().filter(k -> k.tableId().equals(t.id())).map(Key::key).toList()))
                            .toList();
                    return new CatalogSchemaEntry(Rows.str(r, 2), Rows.str(r, 3), Rows.bool(r, 4), tables);
                }, "SELECT id, schema_name, schema_alias, is_selected FROM br_catalog_schema WHERE data_source_id = ?"
                        + " ORDER BY schema_name", dataSourceId);
    }

    private static TableKey key(String name, String kind, String columns, String refSchema, String refTable,
                                String refColumns) {
        TableKey.Kind k = TableKey.Kind.ofCode(kind.strip().charAt(0));
        List<String> cols = Json.strings(Json.parse(columns));
        return k == TableKey.Kind.FOREIGN_KEY
                ? TableKey.foreign(name, cols, new TableRef(refSchema, refTable), Json.strings(Json.parse(refColumns)))
                : TableKey.unique(k, name, cols);
    }

    /** The audit records the shape of a save, not the whole catalog (which can be large). */
    private record Counts(int schemas, int selectedSchemas, int tables, int selectedTables, int columns,
                          int selectedColumns) {
        jakarta.json.JsonObject json() {
            return Json.object().add("schemas", schemas).add("selected_schemas", selectedSchemas)
                    .add("tables", tables).add("selected_tables", selectedTables)
                    .add("columns", columns).add("selected_columns", selectedColumns).build();
        }
    }

    private static Counts counts(List<CatalogSchemaEntry> schemas) {
        int[] n = new int[6];
        for (CatalogSchemaEntry s : schemas) {
            n[0]++;
            if (s.selected()) n[1]++;
            for (CatalogTableEntry t : s.tables()) {
                n[2]++;
                if (t.selected()) n[3]++;
                n[4] += t.columns().size();
                n[5] += (int) t.columns().stream().filter(CatalogColumnEntry::selected).count();
            }
        }
        return new Counts(n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
