package dev.betweenrows.rewrite.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL type names both ways: a declared type such as {@code numeric(10,2)} or {@code character varying}
 * to (type OID, typmod), and (OID, typmod) back to {@code format_type}'s display form.
 */
final class TypeNames {
    /** A resolved column type. */
    record PgType(int oid, int typmod) {}

    static final PgType TEXT = new PgType(PgTypes.TEXT, -1);

    private static final Pattern DECLARED = Pattern.compile(
            "\\s*(?:pg_catalog\\.)?\"?([a-z0-9_ ]+?)\"?\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*"
                    + "(with(?:out)? time zone)?\\s*(\\[\\s*\\])?\\s*");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("double precision", "float8"),
            Map.entry("float", "float8"), Map.entry("boolean", "bool"), Map.entry("character varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("char", "bpchar"), Map.entry("decimal", "numeric"),
            Map.entry("serial", "int4"), Map.entry("bigserial", "int8"), Map.entry("smallserial", "int2"));

    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("int4", "integer"), Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("bool", "boolean"),
            Map.entry("varchar", "character varying"), Map.entry("bpchar", "character"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("char", "\"char\""));

    private TypeNames() {}

    /** The declared type's OID and typmod; {@code text} when the name is not a built-in type. */
    static PgType parse(String declared) {
        Matcher m = DECLARED.matcher(declared.toLowerCase(Locale.ROOT));
        if (!m.matches()) return TEXT;
        String base = m.group(1).trim().replaceAll("\\s+", " ");
        if (m.group(4) != null) base = base + " " + m.group(4);
        base = switch (base) {
            case "timestamp with time zone", "timestamptz" -> "timestamptz";
            case "timestamp without time zone", "timestamp" -> "timestamp";
            case "time with time zone", "timetz" -> "timetz";
            case "time without time zone", "time" -> "time";
            default -> ALIASES.getOrDefault(base, base);
        };
        Integer oid = BuiltinTypes.byName(m.group(5) != null ? "_" + base : base);
        if (oid == null) return TEXT;
        return new PgType(oid, typmod(base, m.group(2), m.group(3)));
    }

    private static int typmod(String base, String p, String s) {
        if (p == null) return -1;
        int precision = Integer.parseInt(p);
        return switch (base) {
            case "numeric" -> ((precision << 16) | (s == null ? 0 : Integer.parseInt(s))) + 4;
            case "varchar", "bpchar" -> precision + 4;
            case "timestamp", "timestamptz", "time", "timetz" -> precision;
            default -> -1;
        };
    }

    /** {@code format_type(oid, typmod)}. */
    static String format(int oid, int typmod) {
        String name = BuiltinTypes.byOid(oid);
        if (name == null) return "???";
        if (name.startsWith("_")) {
            Integer elem = BuiltinTypes.byName(name.substring(1));
            return elem == null ? name : format(elem, typmod) + "[]";
        }
        String display = DISPLAY.getOrDefault(name, name);
        if (typmod < 0) return display;
        return switch (name) {
            case "numeric" -> "numeric(" + (((typmod - 4) >> 16) & 0xffff) + "," + ((typmod - 4) & 0xffff) + ")";
            case "varchar", "bpchar" -> display + "(" + (typmod - 4) + ")";
            case "timestamp", "timestamptz", "time", "timetz" ->
                    display.replaceFirst("^(\\w+)", "$1(" + typmod + ")");
            default -> display;
        };
    }
}
