package dev.betweenrows.testkit;

import java.util.regex.Pattern;

/** Quoting for the few statements the testkit builds itself. */
final class Sql {

    private static final Pattern ROLE_ATTRIBUTE = Pattern.compile("[A-Za-z0-9_ ]+");

    private Sql() {}

    static String identifier(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad identifier");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in literal");
        }
        // standard_conforming_strings is on (the default since 9.1): only quotes need doubling.
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** Role attributes are keywords such as CREATEDB, NOINHERIT or CONNECTION LIMIT 5, never free SQL. */
    static String roleAttribute(String attribute) {
        if (!ROLE_ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("not a role attribute: " + attribute);
        }
        return attribute;
    }
}
