package dev.betweenrows.rewrite.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15's built-in types, access methods, collations and keywords, as exported by
 * {@code src/build/gen-pg-catalog-data.sh} into {@code catalog/pg_type.tsv}, {@code pg_am.tsv},
 * {@code pg_collation.tsv} and {@code pg_keywords.tsv} (COPY text format, one row a line). The
 * pg_type columns are PostgreSQL's, the ones clients read first; reg* columns hold OIDs.
 */
final class BuiltinTypes {
    /** The pg_type columns in the file's order, with their types. */
    static final String PG_TYPE_COLUMNS = "oid:oid typname:name typnamespace:oid typlen:int2 typbyval:bool "
            + "typtype:char typcategory:char typdelim:char typrelid:oid typelem:oid typarray:oid typbasetype:oid "
            + "typtypmod:int4 typnotnull:bool typcollation:oid typowner:oid typispreferred:bool typisdefined:bool "
            + "typinput:regproc typoutput:regproc typreceive:regproc typsend:regproc typalign:char typstorage:char "
            + "typndims:int4 typdefault:text typacl:_aclitem";
    static final String PG_AM_COLUMNS = "oid:oid amname:name amtype:char";
    static final String PG_COLLATION_COLUMNS = "oid:oid collname:name collnamespace:oid collowner:oid "
            + "collprovider:char collisdeterministic:bool collencoding:int4 collcollate:text collctype:text "
            + "colliculocale:text collversion:text";
    /** {@code pg_get_keywords()}'s columns; the normaliser reads the call in FROM as this relation. */
    static final String KEYWORDS_COLUMNS = "word:text catcode:char barelabel:bool catdesc:text baredesc:text";
    static final String KEYWORDS_RELATION = "pg_get_keywords_rows";

    private static final List<Object[]> TYPES = load("pg_type.tsv", PG_TYPE_COLUMNS);
    private static final List<Object[]> AMS = load("pg_am.tsv", PG_AM_COLUMNS);
    private static final List<Object[]> COLLATIONS = load("pg_collation.tsv", PG_COLLATION_COLUMNS);
    private static final List<Object[]> KEYWORDS = load("pg_keywords.tsv", KEYWORDS_COLUMNS);
    private static final Map<Integer, String> NAMES = index(TYPES, 0, 1);
    private static final Map<String, Integer> OIDS = reverse(NAMES);

    private BuiltinTypes() {}

    static List<Object[]> typeRows() { return TYPES; }

    static List<Object[]> amRows() { return AMS; }

    static List<Object[]> collationRows() { return COLLATIONS; }

    static List<Object[]> keywordRows() { return KEYWORDS; }

    /** The built-in type's name, or null. */
    static String byOid(int oid) { return NAMES.get(oid); }

    /** The built-in type's OID by its internal name ({@code int4}, {@code _text}), or null. */
    static Integer byName(String typname) { return OIDS.get(typname); }

    /** Rows of a generated {@code catalog/} file typed by {@code spec} (see {@link Relation#columns}). */
    static List<Object[]> load(String file, String spec) {
        List<Relation.Column> columns = Relation.columns(spec);
        try (InputStream in = BuiltinTypes.class.getResourceAsStream("/catalog/" + file)) {
            if (in == null) throw new IllegalStateException("missing resource catalog/" + file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Object[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t", -1);
                if (cells.length != columns.size()) throw new IllegalStateException(file + ": bad line " + line);
                Object[] row = new Object[cells.length];
                for (int i = 0; i < cells.length; i++) row[i] = value(cells[i], columns.get(i).typeOid());
                rows.add(row);
            }
            return Collections.unmodifiableList(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(String cell, int typeOid) {
        if (cell.equals("\\N")) return null;
        return switch (PgTypes.sqlType(typeOid)) {
            case BOOLEAN -> cell.equals("t");
            case SMALLINT -> Short.parseShort(cell);
            case INTEGER -> (int) Long.parseLong(cell);
            case REAL -> Float.parseFloat(cell);
            default -> cell;
        };
    }

    private static Map<Integer, String> index(List<Object[]> rows, int key, int value) {
        Map<Integer, String> out = new HashMap<>();
        for (Object[] r : rows) out.put((Integer) r[key], (String) r[value]);
        return Map.copyOf(out);
    }

    private static Map<String, Integer> reverse(Map<Integer, String> map) {
        Map<String, Integer> out = new HashMap<>();
        map.forEach((k, v) -> out.put(v, k));
        return Map.copyOf(out);
    }
}
