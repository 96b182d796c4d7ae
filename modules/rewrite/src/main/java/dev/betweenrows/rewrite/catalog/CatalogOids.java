package dev.betweenrows.rewrite.catalog;

import java.util.HashMap;
import java.util.Map;

/** PostgreSQL's fixed OIDs of the catalog relations clients name in regclass casts ({@code 'pg_class'::regclass}). */
final class CatalogOids {
    private static final Map<String, Integer> OIDS = Map.of("pg_class", 1259, "pg_type", 1247,
            "pg_attribute", 1249, "pg_proc", 1255, "pg_namespace", 2615, "pg_constraint", 2606,
            "pg_database", 1262, "pg_authid", 1260, "pg_description", 2609, "pg_index", 2610);

    private CatalogOids() {}

    static Map<String, Integer> builtins() {
        Map<String, Integer> out = new HashMap<>(OIDS);
        OIDS.forEach((name, oid) -> out.put("pg_catalog." + name, oid));
        return out;
    }
}
