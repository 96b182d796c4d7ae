package dev.betweenrows.rewrite.catalog;

import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How PostgreSQL types of emulated catalog columns are held in Calcite, and back: oids and reg* types are
 * integers, {@code name}, {@code text}, {@code "char"} and the rest are strings.
 */
final class PgTypes {
    static final int BOOL = 16, CHAR = 18, NAME = 19, INT8 = 20, INT2 = 21, INT4 = 23, TEXT = 25, OID = 26,
            FLOAT4 = 700, FLOAT8 = 701, TEXT_ARRAY = 1009, NAME_ARRAY = 1003, OID_ARRAY = 1028, INT2VECTOR = 22,
            OIDVECTOR = 30, NUMERIC = 1700, REGPROC = 24, ACLITEM_ARRAY = 1034, PG_NODE_TREE = 194;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("bool", BOOL), Map.entry("char", CHAR), Map.entry("name", NAME), Map.entry("int8", INT8),
            Map.entry("int2", INT2), Map.entry("int4", INT4), Map.entry("text", TEXT), Map.entry("oid", OID),
            Map.entry("float4", FLOAT4), Map.entry("float8", FLOAT8), Map.entry("_text", TEXT_ARRAY),
            Map.entry("_name", NAME_ARRAY), Map.entry("_oid", OID_ARRAY), Map.entry("_int2", 1005), Map.entry("int2vector", INT2VECTOR),
            Map.entry("oidvector", OIDVECTOR), Map.entry("numeric", NUMERIC), Map.entry("regproc", REGPROC),
            Map.entry("_aclitem", ACLITEM_ARRAY), Map.entry("_char", 1002), Map.entry("pg_node_tree", PG_NODE_TREE),
            Map.entry("regclass", 2205), Map.entry("regnamespace", 4089));

    private PgTypes() {}

    static int oidOf(String name) {
        Integer oid = BY_NAME.get(name);
        if (oid == null) throw new IllegalArgumentException("unknown catalog column type " + name);
        return oid;
    }

    static SqlTypeName sqlType(int oid) {
        return switch (oid) {
            case BOOL -> SqlTypeName.BOOLEAN;
            case INT2 -> SqlTypeName.SMALLINT;
            case INT4, OID, REGPROC -> SqlTypeName.INTEGER;
            case INT8 -> SqlTypeName.BIGINT;
            case FLOAT4 -> SqlTypeName.REAL;
            case FLOAT8 -> SqlTypeName.DOUBLE;
            default -> SqlTypeName.VARCHAR; // name, text, "char", vectors and arrays in their text form
        };
    }

    static RelDataType relType(RelDataTypeFactory types, int oid) {
        return types.createTypeWithNullability(types.createSqlType(sqlType(oid)), true);
    }

    /** The PostgreSQL type OID a result column of this Calcite type is described with. */
    static int oidOfResult(SqlTypeName type) {
        return switch (type) {
            case BOOLEAN -> BOOL;
            case SMALLINT, TINYINT -> INT2;
            case INTEGER -> INT4;
            case BIGINT -> INT8;
            case REAL, FLOAT -> FLOAT4;
            case DOUBLE -> FLOAT8;
            case DECIMAL -> NUMERIC;
            case ARRAY -> TEXT_ARRAY;
            default -> TEXT;
        };
    }

    /** A result value in PostgreSQL's text format. */
    static String text(Object value) {
        if (value == null) return null;
        if (value instanceof Boolean b) return b ? "t" : "f";
        if (value instanceof java.util.List<?> list) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                Object e = list.get(i);
                sb.append(e == null ? "NULL" : arrayElement(String.valueOf(e)));
            }
            return sb.append('}').toString();
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString((long) d);
        }
        return value.toString();
    }

    private static String arrayElement(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) return s;
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
