package dev.betweenrows.rewrite.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL 15's built-in functions ({@code pg_proc}), as exported by {@code src/build/gen-pg-catalog-data.sh}
 * into {@code catalog/pg_proc.tsv} from a fresh cluster: built-ins only, so no function of an upstream database is
 * ever listed. Argument defaults and SQL bodies are NULL. The relation is the same for every session.
 */
final class BuiltinFunctions {
    static final String PG_PROC_COLUMNS = "oid:oid proname:name pronamespace:oid proowner:oid prolang:oid "
            + "procost:float4 prorows:float4 provariadic:oid prosupport:regproc prokind:char prosecdef:bool "
            + "proleakproof:bool proisstrict:bool proretset:bool provolatile:char proparallel:char pronargs:int2 "
            + "pronargdefaults:int2 prorettype:oid proargtypes:oidvector proallargtypes:_oid proargmodes:_char "
            + "proargnames:_text proargdefaults:pg_node_tree protrftypes:_oid prosrc:text probin:text "
            + "prosqlbody:pg_node_tree proconfig:_text proacl:_aclitem";

    static final Relation PG_PROC = new Relation("pg_catalog", "pg_proc", Relation.columns(PG_PROC_COLUMNS),
            BuiltinTypes.load("pg_proc.tsv", PG_PROC_COLUMNS));

    /** Names that denote exactly one function, for {@code 'name'::regproc}. */
    private static final Map<String, Integer> UNIQUE_NAMES = uniqueNames();

    private BuiltinFunctions() {}

    /** The OID of the only built-in function called {@code name}, or null (none, or overloaded). */
    static Integer oidOfUniqueName(String name) {
        return UNIQUE_NAMES.get(name);
    }

    private static Map<String, Integer> uniqueNames() {
        Map<String, Integer> out = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (Object[] row : PG_PROC.rows()) {
            String name = (String) row[1];
            out.put(name, (Integer) row[0]);
            count.merge(name, 1, Integer::sum);
        }
        count.forEach((name, n) -> { if (n > 1) out.remove(name); });
        return Map.copyOf(out);
    }
}
