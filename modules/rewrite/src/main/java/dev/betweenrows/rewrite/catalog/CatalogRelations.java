package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds every emulated relation's rows for one session from its {@link VisibleCatalog}. */
final class CatalogRelations {
    private static final String PG = "pg_catalog", IS = "information_schema";

    private CatalogRelations() {}

    static List<Relation> of(VisibleCatalog catalog, SessionFacts facts) {
        List<Relation> out = new ArrayList<>();
        int owner = facts.userOid();
        List<Object[]> namespaces = new ArrayList<>();
        namespaces.add(new Object[] {VisibleCatalog.PG_CATALOG_OID, "pg_catalog", owner, null});
        namespaces.add(new Object[] {VisibleCatalog.INFORMATION_SCHEMA_OID, "information_schema", owner, null});
        catalog.schemas().forEach((name, oid) -> namespaces.add(new Object[] {oid, name, owner, null}));
        out.add(new Relation(PG, "pg_namespace", Relation.columns(RelationSpecs.PG_NAMESPACE), namespaces));

        List<Object[]> classes = new ArrayList<>(), attributes = new ArrayList<>();
        List<Object[]> tables = new ArrayList<>(), columns = new ArrayList<>(), views = new ArrayList<>();
        for (VisibleCatalog.VisibleTable t : catalog.tables()) {
            boolean stored = t.relkind() == 'r' || t.relkind() == 'm';
            boolean indexed = facts.keys().keys().keys().stream().anyMatch(k -> k.hasIndex() && k.table() == t);
            classes.add(new Object[] {t.oid(), t.name(), t.schemaOid(), 0, 0, owner, stored ? 2 : 0, 0, 0, 0,
                    -1f, 0, 0, indexed, false, "p", String.valueOf(t.relkind()), (short) t.columns().size(),
                    (short) 0, false, false, false, false, false, true, "d", false, 0, null, null, null});
            for (VisibleCatalog.VisibleColumn c : t.columns()) {
                attributes.add(attribute(t, c));
                columns.add(InformationSchema.column(facts.database(), t, c));
            }
            tables.add(InformationSchema.table(facts.database(), t));
            if (t.relkind() == 'v') views.add(InformationSchema.view(facts.database(), t));
        }
        classes.addAll(KeyRelations.indexClassRows(facts.keys().keys(), owner));
        out.add(new Relation(PG, "pg_class", Relation.columns(RelationSpecs.PG_CLASS), classes));
        out.add(new Relation(PG, "pg_attribute", Relation.columns(RelationSpecs.PG_ATTRIBUTE), attributes));
        out.add(new Relation(PG, "pg_type", Relation.columns(BuiltinTypes.PG_TYPE_COLUMNS), BuiltinTypes.typeRows()));
        out.add(new Relation(PG, "pg_am", Relation.columns(BuiltinTypes.PG_AM_COLUMNS), BuiltinTypes.amRows()));
        out.add(new Relation(PG, "pg_collation", Relation.columns(BuiltinTypes.PG_COLLATION_COLUMNS),
                BuiltinTypes.collationRows()));
        out.add(new Relation(PG, BuiltinTypes.KEYWORDS_RELATION, Relation.columns(BuiltinTypes.KEYWORDS_COLUMNS),
                BuiltinTypes.keywordRows()));
        out.add(BuiltinFunctions.PG_PROC);
        out.add(new Relation(PG, "pg_database", Relation.columns(RelationSpecs.PG_DATABASE),
                List.<Object[]>of(new Object[] {databaseOid(facts), facts.database(), owner, 6, "c", false, true, -1,
                        1663, "C.UTF-8", "C.UTF-8", null, null, null})));
        out.add(new Relation(PG, "pg_roles", Relation.columns(RelationSpecs.PG_ROLES), List.<Object[]>of(
                new Object[] {facts.username(), false, true, false, false, true, false, -1, "********", null,
                        false, null, owner})));
        out.add(new Relation(PG, "pg_user", Relation.columns(RelationSpecs.PG_USER), List.<Object[]>of(
                new Object[] {facts.username(), owner, false, false, false, false, "********", null, null})));
        out.add(new Relation(PG, "pg_settings", Relation.columns(RelationSpecs.PG_SETTINGS), Settings.rows(facts)));
        for (Map.Entry<String, String> empty : RelationSpecs.EMPTY.entrySet()) {
            out.add(new Relation(PG, empty.getKey(), Relation.columns(empty.getValue()), List.of()));
        }
        out.addAll(KeyRelations.of(facts.keys().keys(), facts));
        out.add(new Relation(IS, "schemata", Relation.columns(RelationSpecs.IS_SCHEMATA),
                InformationSchema.schemata(facts, catalog)));
        out.add(new Relation(IS, "tables", Relation.columns(RelationSpecs.IS_TABLES), tables));
        out.add(new Relation(IS, "columns", Relation.columns(RelationSpecs.IS_COLUMNS), columns));
        out.add(new Relation(IS, "views", Relation.columns(RelationSpecs.IS_VIEWS), views));
        return out;
    }

    static int databaseOid(SessionFacts facts) {
        return VisibleCatalog.hash("d:" + facts.database());
    }

    private static Object[] attribute(VisibleCatalog.VisibleTable t, VisibleCatalog.VisibleColumn c) {
        int typeOid = c.type().oid();
        Object[] type = BuiltinTypes.typeRows().stream().filter(r -> (Integer) r[0] == typeOid).findFirst()
                .orElseThrow();
        boolean array = ((String) type[1]).startsWith("_");
        return new Object[] {t.oid(), c.name(), typeOid, -1, type[3], (short) c.attnum(), array ? 1 : 0, -1,
                c.type().typmod(), type[4], "i", "x", "", false, false, false, "", "", false, true, 0, type[14],
                null, null, null};
    }
}
