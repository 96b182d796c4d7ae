package dev.betweenrows.rewrite.splice;

import dev.betweenrows.rewrite.lex.PgKeywords;
import java.util.regex.Pattern;

/** PostgreSQL identifier quoting for names the rewrite writes. */
public final class SqlNames {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlNames() {}

    /**
     * The name as-is when PostgreSQL reads it back unchanged in any column or table position (lower-case, not a
     * keyword beyond the unreserved ones), else double-quoted.
     */
    public static String quote(String name) {
        PgKeywords.Category keyword = PgKeywords.category(name);
        if (PLAIN.matcher(name).matches() && (keyword == null || keyword == PgKeywords.Category.UNRESERVED)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
