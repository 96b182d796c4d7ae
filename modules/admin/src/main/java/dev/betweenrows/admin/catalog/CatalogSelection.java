package dev.betweenrows.admin.catalog;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code save_catalog} request: which schemas, tables and columns to allowlist. Accepts the catalog's
 * own GET shape ({@code schema_name}, {@code schema_alias}, {@code is_selected}, {@code table_name},
 * {@code column_name}) and the short names ({@code name}, {@code alias}, {@code selected}); a column may
 * also be given as a plain string. A selected table without a {@code columns} list selects all its
 * current columns; with one, only the columns listed as selected.
 */
record CatalogSelection(List<SchemaChoice> schemas) {

    record SchemaChoice(String name, String alias, boolean selected, List<TableChoice> tables) {}

    record TableChoice(String name, boolean selected, List<ColumnChoice> columns) {}

    record ColumnChoice(String name, boolean selected) {}

    static CatalogSelection parse(JsonArray schemas) {
        if (schemas == null) throw new IllegalArgumentException("save_catalog needs schemas");
        List<SchemaChoice> out = new ArrayList<>();
        for (JsonObject s : objects(schemas, "schemas")) {
            List<TableChoice> tables = new ArrayList<>();
            JsonArray ts = array(s, "tables");
            for (JsonObject t : ts == null ? List.<JsonObject>of() : objects(ts, "tables")) {
                JsonArray cs = array(t, "columns");
                List<ColumnChoice> columns = null;
                if (cs != null) {
                    columns = new ArrayList<>();
                    for (JsonValue c : cs) {
                        if (c instanceof JsonString str) columns.add(new ColumnChoice(str.getString(), true));
                        else if (c instanceof JsonObject o) columns.add(new ColumnChoice(name(o, "column_name"), flag(o)));
                        else throw new IllegalArgumentException("columns must hold names or objects");
                    }
                }
                tables.add(new TableChoice(name(t, "table_name"), flag(t), columns));
            }
            String alias = text(s, "schema_alias", "alias");
            out.add(new SchemaChoice(name(s, "schema_name"), alias == null || alias.isBlank() ? null : alias, flag(s), tables));
        }
        return new CatalogSelection(out);
    }

    private static List<JsonObject> objects(JsonArray array, String field) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject o)) throw new IllegalArgumentException(field + " must hold objects");
            out.add(o);
        }
        return out;
    }

    private static JsonArray array(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) return null;
        if (!(v instanceof JsonArray a)) throw new IllegalArgumentException(field + " must be an array");
        return a;
    }

    private static String name(JsonObject o, String longName) {
        String n = text(o, longName, "name");
        if (n == null || n.isEmpty()) throw new IllegalArgumentException(longName + " is required");
        return n;
    }

    private static boolean flag(JsonObject o) {
        JsonValue v = o.containsKey("is_selected") ? o.get("is_selected") : o.get("selected");
        if (v == null || v == JsonValue.NULL) return true;
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw new IllegalArgumentException("is_selected must be true or false");
    }

    static String text(JsonObject o, String... names) {
        for (String n : names) {
            JsonValue v = o.get(n);
            if (v == null || v == JsonValue.NULL) continue;
            if (!(v instanceof JsonString s)) throw new IllegalArgumentException(n + " must be a string");
            return s.getString();
        }
        return null;
    }
}
