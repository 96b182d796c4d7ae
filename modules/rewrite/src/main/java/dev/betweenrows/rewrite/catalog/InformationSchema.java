package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;

/** Rows of the emulated {@code information_schema} views (visible objects only, no definitions). */
final class InformationSchema {
    private InformationSchema() {}

    static List<Object[]> schemata(SessionFacts facts, VisibleCatalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (String s : List.of("information_schema", "pg_catalog")) rows.add(schema(facts, s));
        catalog.schemas().keySet().forEach(s -> rows.add(schema(facts, s)));
        return rows;
    }

    private static Object[] schema(SessionFacts facts, String name) {
        return new Object[] {facts.database(), name, facts.username(), null, null, null, null};
    }

    static Object[] table(String db, VisibleCatalog.VisibleTable t) {
        String type = switch (t.relkind()) {
            case 'v' -> "VIEW";
            case 'f' -> "FOREIGN";
            default -> "BASE TABLE";
        };
        return new Object[] {db, t.schema(), t.name(), type, null, null, null, null, null, "NO", "NO", null};
    }

    static Object[] view(String db, VisibleCatalog.VisibleTable t) {
        return new Object[] {db, t.schema(), t.name(), null, "NONE", "NO", "NO", "NO", "NO", "NO"};
    }

    static Object[] column(String db, VisibleCatalog.VisibleTable t, VisibleCatalog.VisibleColumn c) {
        String formatted = TypeNames.format(c.type().oid(), c.type().typmod());
        String dataType = formatted.replaceFirst("\\(.*\\)", "");
        if (formatted.endsWith("[]")) dataType = "ARRAY";
        Integer length = null, precision = null, scale = null;
        int mod = c.type().typmod();
        if (mod >= 4 && (dataType.startsWith("character"))) length = mod - 4;
        if (mod >= 4 && dataType.equals("numeric")) {
            precision = ((mod - 4) >> 16) & 0xffff;
            scale = (mod - 4) & 0xffff;
        }
        String udt = BuiltinTypes.byOid(c.type().oid());
        return new Object[] {db, t.schema(), t.name(), c.name(), c.attnum(), null, "YES", dataType, length, null,
                precision, precision == null ? null : 10, scale, null, db, "pg_catalog", udt, "NO", "NEVER", "NO"};
    }
}
