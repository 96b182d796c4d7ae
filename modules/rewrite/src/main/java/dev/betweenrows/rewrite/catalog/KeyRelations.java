package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.rewrite.catalog.VisibleKeys.VisibleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The emulated relations that show keys: {@code pg_constraint}, {@code pg_index}, index rows of
 * {@code pg_class}, the {@code information_schema} key views, and two helper relations (schema {@code br}) that
 * list key columns one per row, which the {@link ClientAnswers} use in place of PostgreSQL's array functions.
 */
final class KeyRelations {
    static final String PG_CONSTRAINT = "oid:oid conname:name connamespace:oid contype:char condeferrable:bool "
            + "condeferred:bool convalidated:bool conrelid:oid contypid:oid conindid:oid conparentid:oid "
            + "confrelid:oid confupdtype:char confdeltype:char confmatchtype:char conislocal:bool "
            + "coninhcount:int4 connoinherit:bool conkey:_int2 confkey:_int2 conbin:pg_node_tree";
    static final String PG_INDEX = "indexrelid:oid indrelid:oid indnatts:int2 indnkeyatts:int2 indisunique:bool "
            + "indnullsnotdistinct:bool indisprimary:bool indisexclusion:bool indimmediate:bool "
            + "indisclustered:bool indisvalid:bool indcheckxmin:bool indisready:bool indislive:bool "
            + "indisreplident:bool indkey:int2vector indcollation:oidvector indclass:oidvector "
            + "indoption:int2vector indexprs:pg_node_tree indpred:pg_node_tree";
    static final String IS_TABLE_CONSTRAINTS = "constraint_catalog:name constraint_schema:name constraint_name:name "
            + "table_catalog:name table_schema:name table_name:name constraint_type:text is_deferrable:text "
            + "initially_deferred:text enforced:text nulls_distinct:text";
    static final String IS_KEY_COLUMN_USAGE = "constraint_catalog:name constraint_schema:name constraint_name:name "
            + "table_catalog:name table_schema:name table_name:name column_name:name ordinal_position:int4 "
            + "position_in_unique_constraint:int4";
    static final String IS_REFERENTIAL_CONSTRAINTS = "constraint_catalog:name constraint_schema:name "
            + "constraint_name:name unique_constraint_catalog:name unique_constraint_schema:name "
            + "unique_constraint_name:name match_option:text update_rule:text delete_rule:text";
    static final String IS_CONSTRAINT_COLUMN_USAGE = "table_catalog:name table_schema:name table_name:name "
            + "column_name:name constraint_catalog:name constraint_schema:name constraint_name:name";
    static final String BR_CONSTRAINT_COLUMN = "conoid:oid conrelid:oid confrelid:oid pos:int4 attnum:int2 "
            + "fattnum:int2 attname:name fattname:name";
    static final String BR_INDEX_COLUMN = "indexrelid:oid indrelid:oid pos:int4 attnum:int2 attname:name";
    static final int BTREE = 403;

    private KeyRelations() {}

    /** The relations in pg_catalog and information_schema. */
    static List<Relation> of(VisibleKeys keys, SessionFacts facts) {
        List<Object[]> constraints = new ArrayList<>(), indexes = new ArrayList<>();
        List<Object[]> tableConstraints = new ArrayList<>(), keyColumns = new ArrayList<>();
        List<Object[]> referential = new ArrayList<>(), columnUsage = new ArrayList<>();
        String db = facts.database();
        for (VisibleKey k : keys.keys()) {
            var t = k.table();
            if (k.contype() != 'i') {
                boolean fk = k.contype() == 'f';
                constraints.add(new Object[] {k.oid(), k.name(), t.schemaOid(), String.valueOf(k.contype()), false,
                        false, true, t.oid(), 0, k.indexOid(), 0, fk ? k.referencedTable().oid() : 0,
                        fk ? "a" : " ", fk ? "a" : " ", fk ? "s" : " ", true, 0, !fk, attnums(k.columns(), "{", ",", "}"),
                        fk ? attnums(k.referencedColumns(), "{", ",", "}") : null, null});
                String type = switch (k.contype()) {
                    case 'p' -> "PRIMARY KEY";
                    case 'u' -> "UNIQUE";
                    default -> "FOREIGN KEY";
                };
                tableConstraints.add(new Object[] {db, t.schema(), k.name(), db, t.schema(), t.name(), type, "NO", "NO",
                        "YES", fk ? null : "YES"});
                VisibleKey target = fk ? keys.index(k.indexOid()).orElseThrow() : null;
                for (int i = 0; i < k.columns().size(); i++) {
                    keyColumns.add(new Object[] {db, t.schema(), k.name(), db, t.schema(), t.name(),
                            k.columns().get(i).name(), i + 1, fk ? positionIn(target, k.referencedColumns().get(i)) : null});
                }
                var usedTable = fk ? k.referencedTable() : t;
                for (var c : fk ? k.referencedColumns() : k.columns()) {
                    columnUsage.add(new Object[] {db, usedTable.schema(), usedTable.name(), c.name(), db, t.schema(),
                            k.name()});
                }
                if (fk) {
                    boolean named = target.contype() != 'i';
                    referential.add(new Object[] {db, t.schema(), k.name(), named ? db : null,
                            named ? target.table().schema() : null, named ? target.name() : null, "NONE",
                            "NO ACTION", "NO ACTION"});
                }
            }
            if (k.hasIndex()) {
                int n = k.columns().size();
                indexes.add(new Object[] {k.indexOid(), t.oid(), (short) n, (short) n, true, false, k.contype() == 'p',
                        false, true, false, true, false, true, true, false, attnums(k.columns(), "", " ", ""),
                        repeat("0", n), repeat("0", n), repeat("0", n), null, null});
            }
        }
        List<Relation> out = new ArrayList<>();
        out.add(new Relation("pg_catalog", "pg_constraint", Relation.columns(PG_CONSTRAINT), constraints));
        out.add(new Relation("pg_catalog", "pg_index", Relation.columns(PG_INDEX), indexes));
        out.add(new Relation("information_schema", "table_constraints", Relation.columns(IS_TABLE_CONSTRAINTS),
                tableConstraints));
        out.add(new Relation("information_schema", "key_column_usage", Relation.columns(IS_KEY_COLUMN_USAGE),
                keyColumns));
        out.add(new Relation("information_schema", "referential_constraints",
                Relation.columns(IS_REFERENTIAL_CONSTRAINTS), referential));
        out.add(new Relation("information_schema", "constraint_column_usage",
                Relation.columns(IS_CONSTRAINT_COLUMN_USAGE), columnUsage));
        return out;
    }

    /** pg_class rows of the visible indexes (same layout as the table rows). */
    static List<Object[]> indexClassRows(VisibleKeys keys, int owner) {
        List<Object[]> rows = new ArrayList<>();
        for (VisibleKey k : keys.keys()) {
            if (!k.hasIndex()) continue;
            rows.add(new Object[] {k.indexOid(), k.name(), k.table().schemaOid(), 0, 0, owner, BTREE, 0, 0, 1, 0f, 0, 0,
                    false, false, "p", "i", (short) k.columns().size(), (short) 0, false, false, false, false, false,
                    true, "n", false, 0, null, null, null});
        }
        return rows;
    }

    /** The helper relations of schema {@code br}: one row per key column. */
    static List<Relation> helpers(VisibleKeys keys) {
        List<Object[]> constraintColumns = new ArrayList<>(), indexColumns = new ArrayList<>();
        for (VisibleKey k : keys.keys()) {
            for (int i = 0; i < k.columns().size(); i++) {
                var c = k.columns().get(i);
                if (k.contype() != 'i') {
                    var f = k.contype() == 'f' ? k.referencedColumns().get(i) : null;
                    constraintColumns.add(new Object[] {k.oid(), k.table().oid(),
                            k.contype() == 'f' ? k.referencedTable().oid() : 0, i + 1, (short) c.attnum(),
                            f == null ? null : (short) f.attnum(), c.name(), f == null ? null : f.name()});
                }
                if (k.hasIndex()) {
                    indexColumns.add(new Object[] {k.indexOid(), k.table().oid(), i + 1, (short) c.attnum(), c.name()});
                }
            }
        }
        return List.of(new Relation("br", "constraint_column", Relation.columns(BR_CONSTRAINT_COLUMN), constraintColumns),
                new Relation("br", "index_column", Relation.columns(BR_INDEX_COLUMN), indexColumns));
    }

    private static Integer positionIn(VisibleKey target, VisibleCatalog.VisibleColumn column) {
        int i = target.columns().indexOf(column);
        return i < 0 ? null : i + 1;
    }

    private static String attnums(List<VisibleCatalog.VisibleColumn> columns, String open, String sep, String close) {
        return columns.stream().map(c -> Integer.toString(c.attnum())).collect(Collectors.joining(sep, open, close));
    }

    private static String repeat(String value, int n) {
        return String.join(" ", java.util.Collections.nCopies(n, value));
    }
}
