package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;

/** The small pg_settings subset clients read (pgjdbc: max_index_keys; psql: the user-settable names). */
final class Settings {
    private Settings() {}

    static List<Object[]> rows(SessionFacts facts) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row("max_index_keys", "32", "internal", "integer"));
        rows.add(row("max_identifier_length", "63", "internal", "integer"));
        rows.add(row("server_encoding", "UTF8", "internal", "string"));
        rows.add(row("standard_conforming_strings", "on", "user", "bool"));
        rows.add(row("application_name", "", "user", "string"));
        rows.add(row("client_encoding", "UTF8", "user", "string"));
        rows.add(row("DateStyle", "ISO, MDY", "user", "string"));
        rows.add(row("extra_float_digits", "1", "user", "integer"));
        rows.add(row("IntervalStyle", "postgres", "user", "enum"));
        rows.add(row("statement_timeout", "0", "user", "integer"));
        rows.add(row("TimeZone", "UTC", "user", "string"));
        return rows;
    }

    private static Object[] row(String name, String setting, String context, String vartype) {
        return new Object[] {name, setting, null, null, null, null, context, vartype, "default", null, null, null,
                setting, setting, null, null, false};
    }
}
