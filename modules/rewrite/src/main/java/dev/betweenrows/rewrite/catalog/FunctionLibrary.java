package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The PostgreSQL functions the emulated catalog implements. Definitions of visible keys (constraints and their
 * indexes) are shown; other definitions (defaults, triggers, statistics, views) never are, so their functions
 * answer NULL; comments likewise (none are kept).
 * Anything not listed here is an unknown function to Calcite, and the statement is refused.
 */
final class FunctionLibrary {
    static final Map<String, PgFunction> ALL = build();

    private FunctionLibrary() {}

    private static Map<String, PgFunction> build() {
        List<PgFunction> f = new ArrayList<>();
        f.add(new PgFunction("version", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.version()));
        f.add(new PgFunction("current_database", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.database()));
        f.add(new PgFunction("current_catalog", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.database()));
        f.add(new PgFunction("current_schema", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.searchPath().get(0)));
        f.add(new PgFunction("current_user", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.username()));
        f.add(new PgFunction("session_user", 0, 0, SqlTypeName.VARCHAR, (s, a) -> s.username()));
        f.add(new PgFunction("current_schemas", 1, 1, SqlTypeName.ARRAY, FunctionLibrary::currentSchemas));
        f.add(new PgFunction("pg_get_userbyid", 1, 1, SqlTypeName.VARCHAR, FunctionLibrary::userById));
        f.add(new PgFunction("pg_table_is_visible", 1, 1, SqlTypeName.BOOLEAN,
                (s, a) -> a[0] == null ? null : s.visibleOids().contains(toInt(a[0]))));
        f.add(new PgFunction("pg_type_is_visible", 1, 1, SqlTypeName.BOOLEAN,
                (s, a) -> a[0] == null ? null : BuiltinTypes.byOid(toInt(a[0])) != null));
        f.add(new PgFunction("format_type", 2, 2, SqlTypeName.VARCHAR,
                (s, a) -> a[0] == null ? null : TypeNames.format(toInt(a[0]), a[1] == null ? -1 : toInt(a[1]))));
        f.add(new PgFunction("pg_encoding_to_char", 1, 1, SqlTypeName.VARCHAR,
                (s, a) -> a[0] == null ? null : toInt(a[0]) == 6 ? "UTF8" : ""));
        f.add(new PgFunction("array_to_string", 2, 3, SqlTypeName.VARCHAR, FunctionLibrary::arrayToString));
        f.add(new PgFunction("has_table_privilege", 2, 3, SqlTypeName.BOOLEAN, FunctionLibrary::tablePrivilege));
        f.add(new PgFunction("has_schema_privilege", 2, 3, SqlTypeName.BOOLEAN, (s, a) -> true));
        f.add(new PgFunction("has_any_column_privilege", 2, 3, SqlTypeName.BOOLEAN, (s, a) -> true));
        f.add(new PgFunction("pg_get_constraintdef", 1, 2, SqlTypeName.VARCHAR,
                (s, a) -> a[0] == null ? null : s.keys().constraint(toInt(a[0]))));
        f.add(new PgFunction("pg_get_indexdef", 1, 3, SqlTypeName.VARCHAR, (s, a) -> a[0] == null ? null
                : s.keys().index(toInt(a[0]), a.length > 1 && a[1] != null ? toInt(a[1]) : 0)));
        for (String hidden : List.of("pg_get_expr", "pg_get_triggerdef",
                "pg_get_viewdef", "pg_get_function_result", "pg_get_statisticsobjdef_columns", "pg_get_partkeydef",
                "pg_get_serial_sequence", "obj_description", "col_description", "shobj_description")) {
            f.add(new PgFunction(hidden, 1, 3, SqlTypeName.VARCHAR, (s, a) -> null));
        }
        f.addAll(ClientFunctions.all());
        return f.stream().collect(Collectors.toUnmodifiableMap(PgFunction::name, Function.identity()));
    }

    static int toInt(Object value) {
        if (value instanceof Number n) return n.intValue();
        return Integer.parseInt(value.toString().trim());
    }

    private static Object currentSchemas(SessionFacts s, Object[] a) {
        List<String> out = new ArrayList<>();
        if (Boolean.TRUE.equals(a[0])) out.add("pg_catalog");
        out.addAll(s.searchPath());
        return out;
    }

    /** True for a visible relation; a hidden or missing one fails the same way (the statement is refused). */
    private static Object tablePrivilege(SessionFacts s, Object[] a) {
        Object table = a[a.length - 2];
        if (table == null) return null;
        String name = table.toString();
        boolean known = name.matches("\\d+") ? s.relationOids().containsValue(Integer.parseInt(name))
                : s.relationOids().containsKey(name);
        if (!known) throw new IllegalArgumentException("relation does not exist");
        return true;
    }

    private static Object userById(SessionFacts s, Object[] a) {
        if (a[0] == null) return null;
        int oid = toInt(a[0]);
        return oid == s.userOid() ? s.username() : "unknown (OID=" + Integer.toUnsignedString(oid) + ")";
    }

    private static Object arrayToString(SessionFacts s, Object[] a) {
        if (a[0] == null || a[1] == null) return null;
        if (a[0] instanceof List<?> list) {
            return list.stream().filter(e -> e != null || a.length > 2 && a[2] != null)
                    .map(e -> e == null ? String.valueOf(a[2]) : e.toString())
                    .collect(Collectors.joining(a[1].toString()));
        }
        return a[0].toString();
    }
}
