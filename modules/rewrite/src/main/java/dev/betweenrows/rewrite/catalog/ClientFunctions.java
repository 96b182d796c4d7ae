package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Functions client drivers call in their metadata queries beyond the basic library: array bounds and an integer
 * {@code generate_series} in FROM (pgjdbc's getTypeInfo walks {@code current_schemas(false)}), {@code json_build_object} (SQLAlchemy's column identity
 * options) and the function-signature helpers (pgjdbc getFunctions, DBeaver), which answer NULL because only
 * built-in functions are listed and their signatures are not kept.
 */
final class ClientFunctions {
    private ClientFunctions() {}

    static List<PgFunction> all() {
        List<PgFunction> f = new ArrayList<>();
        f.add(new PgFunction("array_upper", 2, 2, SqlTypeName.INTEGER, (s, a) -> bound(a, true)));
        f.add(new PgFunction("array_lower", 2, 2, SqlTypeName.INTEGER, (s, a) -> bound(a, false)));
        f.add(new PgFunction("array_length", 2, 2, SqlTypeName.INTEGER, (s, a) -> {
            List<String> e = a[0] == null || a[1] == null ? null : elements(a[0]);
            return e == null || e.isEmpty() || FunctionLibrary.toInt(a[1]) != 1 ? null : e.size();
        }));
        f.add(new PgFunction(SqlNormaliser.INTEGER_SERIES, 2, 3, SqlTypeName.ARRAY, SqlTypeName.INTEGER,
                ClientFunctions::series));
        f.add(new PgFunction("json_build_object", 0, 100, SqlTypeName.VARCHAR, ClientFunctions::jsonObject));
        for (String signature : List.of("pg_get_function_arguments", "pg_get_function_identity_arguments")) {
            f.add(new PgFunction(signature, 1, 1, SqlTypeName.VARCHAR, (s, a) -> null));
        }
        return f;
    }

    /**
     * {@code array_upper}/{@code array_lower} of dimension 1: arrays in text form ({@code {a,b}}) start at 1,
     * int2vector/oidvector ({@code 1 2}) at 0, as in PostgreSQL; NULL for an empty array or another dimension.
     */
    private static Object bound(Object[] a, boolean upper) {
        if (a[0] == null || a[1] == null || FunctionLibrary.toInt(a[1]) != 1) return null;
        List<String> e = elements(a[0]);
        if (e == null || e.isEmpty()) return null;
        int lower = a[0] instanceof String text && !text.strip().startsWith("{") ? 0 : 1;
        return upper ? lower + e.size() - 1 : lower;
    }

    /** Top-level elements of a list, a text-form array or a vector; null if the value is none of these. */
    static List<String> elements(Object value) {
        if (value instanceof List<?> list) return list.stream().map(o -> o == null ? null : o.toString()).toList();
        String text = value.toString().strip();
        if (!text.startsWith("{")) return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        if (!text.endsWith("}")) return null;
        String body = text.substring(1, text.length() - 1);
        List<String> out = new ArrayList<>();
        if (body.isEmpty()) return out;
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && quoted && i + 1 < body.length()) cur.append(body.charAt(++i));
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** {@code generate_series(start, stop[, step])} over integers, as an array the normaliser unnests. */
    private static Object series(SessionFacts s, Object[] a) {
        if (a[0] == null || a[1] == null || a.length > 2 && a[2] == null) return List.of();
        int from = FunctionLibrary.toInt(a[0]), to = FunctionLibrary.toInt(a[1]);
        int step = a.length > 2 ? FunctionLibrary.toInt(a[2]) : 1;
        if (step == 0) throw new IllegalArgumentException("step size cannot equal zero");
        List<Integer> out = new ArrayList<>();
        for (long i = from; step > 0 ? i <= to : i >= to; i += step) {
            if (out.size() >= 100_000) throw new IllegalArgumentException("series too long for a catalog query");
            out.add((int) i);
        }
        return out;
    }

    private static Object jsonObject(SessionFacts s, Object[] a) {
        if (a.length % 2 != 0) throw new IllegalArgumentException("argument list must have even number of elements");
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == null) throw new IllegalArgumentException("null value not allowed for object key");
            if (i > 0) sb.append(", ");
            sb.append(jsonString(a[i].toString())).append(" : ").append(jsonValue(a[i + 1]));
        }
        return sb.append('}').toString();
    }

    private static String jsonValue(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Number) return PgTypes.text(v);
        return jsonString(v.toString());
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
