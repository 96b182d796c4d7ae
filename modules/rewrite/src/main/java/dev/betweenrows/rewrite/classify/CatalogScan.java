package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says whether a query may read upstream catalog or server/session state, by name alone. Conservative: a user
 * column named {@code pg_x} or a quoted {@code "PG_CATALOG"} counts too, because routing such a query to the
 * catalog path is safe and forwarding a catalog query is not. Two functions are left to the function policy,
 * which allows them in a bounded form: {@code pg_sleep} and {@code current_setting}.
 */
final class CatalogScan {

    /** Relations and types that name catalog objects wherever they appear (also inside casts: 't'::regclass). */
    private static final Set<String> REG_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure", "regoper",
            "regoperator", "regnamespace", "regrole", "regconfig", "regdictionary", "regcollation");

    /** SQL-standard functions spelled as reserved words (no parentheses needed); only unquoted they are functions. */
    private static final Set<String> SESSION_WORDS = Set.of("current_user", "current_role", "session_user", "user",
            "system_user", "current_catalog", "current_schema");

    /** Functions that read catalog or server state, or look relations up by name from a string. */
    private static final Set<String> FUNCTIONS = Set.of("version", "current_database", "current_schema",
            "current_schemas", "current_query", "set_config", "format_type", "obj_description",
            "col_description", "shobj_description", "row_security_active", "getpgusername", "currval", "nextval",
            "lastval", "setval", "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "table_to_xml",
            "table_to_xmlschema", "table_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
            "schema_to_xml", "schema_to_xmlschema", "schema_to_xml_and_xmlschema", "database_to_xml",
            "database_to_xmlschema", "database_to_xml_and_xmlschema", "gin_clean_pending_list");

    private static final List<String> FUNCTION_PREFIXES = List.of("txid_", "inet_", "lo_", "dblink", "brin_");

    private CatalogScan() {}

    /** The catalog-ish names used from token {@code from} on (lower-cased), sorted; empty when none. */
    static Set<String> names(List<Token> tokens, int from) {
        Set<String> found = new TreeSet<>();
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.type().isIdentifier()) continue;
            String name = t.value().toLowerCase(Locale.ROOT);
            boolean call = k + 1 < tokens.size() && tokens.get(k + 1).is(TokenType.LEFT_PAREN);
            if (alwaysCatalog(name)
                    || (t.is(TokenType.IDENTIFIER) && SESSION_WORDS.contains(name))
                    || (call && isCatalogFunction(name))) {
                found.add(name);
            }
        }
        return found;
    }

    private static boolean alwaysCatalog(String name) {
        return (name.startsWith("pg_") && !name.equals("pg_sleep")) || name.equals("information_schema") || REG_TYPES.contains(name)
                || name.startsWith("to_reg") || (name.startsWith("has_") && name.endsWith("_privilege"));
    }

    private static boolean isCatalogFunction(String name) {
        if (FUNCTIONS.contains(name)) return true;
        for (String prefix : FUNCTION_PREFIXES) if (name.startsWith(prefix)) return true;
        return false;
    }
}
