package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.catalog.UpstreamTable.ForeignKey;
import dev.betweenrows.admin.catalog.UpstreamTable.UpstreamColumn;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an upstream PostgreSQL catalog from {@code pg_catalog}: schemas, relations (tables, views,
 * materialized views, foreign and partitioned tables; partitions are left out as PostgreSQL's own
 * tools do), columns with their exact types ({@code format_type}), primary and foreign keys. One query
 * per kind of fact for a whole set of schemas, so a large catalog costs a handful of round trips.
 */
final class Discoverer {
    private static final String RELATIONS = "c.relkind IN ('r','v','m','f','p') AND NOT c.relispartition";
    private final Connection connection;

    Discoverer(Connection connection) {
        this.connection = connection;
    }

    List<String> schemas() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT n.nspname FROM pg_catalog.pg_namespace n"
                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'"
                + " ORDER BY 1"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The relations of the schemas, without details, in (schema, name) order. */
    List<UpstreamTable> tables(Collection<String> schemas) throws SQLException {
        List<UpstreamTable> out = new ArrayList<>();
        query("SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ANY (?) AND " + RELATIONS + " ORDER BY 1, 2", schemas, rs ->
                out.add(new UpstreamTable(rs.getString(1), rs.getString(2), kind(rs.getString(3)), List.of(), List.of(), List.of(), List.of())));
        return out;
    }

    /** The relations of the schemas with columns and keys, keyed by {@code schema.name}. */
    Map<String, UpstreamTable> details(Collection<String> schemas) throws SQLException {
        Map<String, List<UpstreamColumn>> columns = new LinkedHashMap<>();
        query("SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnum,"
                + " NOT a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = ANY (?) AND " + RELATIONS + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY 1, 2, a.attnum", schemas, rs ->
                columns.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(new UpstreamColumn(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6), rs.getString(7))));
        Map<String, List<String>> keys = new LinkedHashMap<>();
        query("SELECT n.nspname, c.relname, a.attname FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                + " WHERE i.indisprimary AND n.nspname = ANY (?) ORDER BY 1, 2, k.ord", schemas, rs ->
                keys.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(rs.getString(3)));
        Map<String, List<ForeignKey>> foreign = new LinkedHashMap<>();
        query("SELECT n.nspname, c.relname, con.conname, fn.nspname, fc.relname,"
                + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)"
                + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[],"
                + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)"
                + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]"
                + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE con.contype = 'f' AND n.nspname = ANY (?) ORDER BY 1, 2, 3", schemas, rs ->
                foreign.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(new ForeignKey(rs.getString(3), texts(rs.getArray(6)), rs.getString(4), rs.getString(5),
                                texts(rs.getArray(7)))));
        Map<String, List<TableKey>> tableKeys = tableKeys(schemas);
        Map<String, UpstreamTable> out = new LinkedHashMap<>();
        for (UpstreamTable t : tables(schemas)) {
            String k = key(t.schema(), t.name());
            out.put(k, new UpstreamTable(t.schema(), t.name(), t.kind(), columns.getOrDefault(k, List.of()),
                    keys.getOrDefault(k, List.of()), foreign.getOrDefault(k, List.of()),
                    tableKeys.getOrDefault(k, List.of())));
        }
        return out;
    }

    /**
     * Primary keys, unique and foreign-key constraints, and unique indexes that back no constraint (plain columns
     * only: expression and partial indexes are left out, as their definitions could not be shown safely), with
     * column names in key order; keyed by {@code schema.name}.
     */
    private Map<String, List<TableKey>> tableKeys(Collection<String> schemas) throws SQLException {
        Map<String, List<TableKey>> out = new LinkedHashMap<>();
        String names = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(attnum, ord)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = %s AND a.attnum = k.attnum ORDER BY k.ord)::text[]";
        query("SELECT n.nspname, c.relname, con.contype::text, con.conname, "
                + names.formatted("con.conkey", "con.conrelid") + ", fn.nspname, fc.relname, "
                + names.formatted("con.confkey", "con.confrelid")
                + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
                + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE con.contype IN ('p', 'u', 'f') AND n.nspname = ANY (?) AND " + RELATIONS
                + " ORDER BY 1, 2, 3, 4", schemas, rs -> {
                    TableKey.Kind kind = TableKey.Kind.ofCode(rs.getString(3).charAt(0));
                    List<String> columns = texts(rs.getArray(5));
                    TableKey key = kind == TableKey.Kind.FOREIGN_KEY
                            ? TableKey.foreign(rs.getString(4), columns, new TableRef(rs.getString(6), rs.getString(7)),
                                    texts(rs.getArray(8)))
                            : TableKey.unique(kind, rs.getString(4), columns);
                    out.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(key);
                });
        query("SELECT n.nspname, c.relname, ic.relname, ARRAY(SELECT a.attname FROM"
                + " unnest((i.indkey::int2[])[0:i.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]"
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE i.indisunique AND i.indisvalid AND i.indexprs IS NULL AND i.indpred IS NULL"
                + " AND NOT (0 = ANY (i.indkey::int2[]))"
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid"
                + "   AND con.contype IN ('p', 'u', 'x'))"
                + " AND n.nspname = ANY (?) AND " + RELATIONS + " ORDER BY 1, 2, 3", schemas, rs ->
                out.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(TableKey.unique(TableKey.Kind.UNIQUE_INDEX, rs.getString(3), texts(rs.getArray(4)))));
        return out;
    }

    static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Collection<String> schemas, RowReader reader) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(String.valueOf(v));
        return out;
    }

    private static TableKind kind(String relkind) {
        return switch (relkind) {
            case "v" -> TableKind.VIEW;
            case "m" -> TableKind.MATERIALIZED_VIEW;
            case "f" -> TableKind.FOREIGN_TABLE;
            case "p" -> TableKind.PARTITIONED_TABLE;
            default -> TableKind.TABLE;
        };
    }
}
