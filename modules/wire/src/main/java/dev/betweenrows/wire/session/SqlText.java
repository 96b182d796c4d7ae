package dev.betweenrows.wire.session;

/**
 * Builds the few SQL fragments the wire sends upstream itself. Values come from validated, parsed input; the
 * quoting is still complete, so a value can never end its literal or identifier early.
 */
final class SqlText {
    private SqlText() {}

    /**
     * A standard string literal. Backslashes and NULs are refused: an upstream with
     * {@code standard_conforming_strings=off} would read a backslash as an escape.
     */
    static String literal(String value) {
        if (value.indexOf('\\') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("value not allowed in a literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A quoted identifier (always quoted, so case and keywords are preserved exactly). */
    static String identifier(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad identifier");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
