package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.ColumnInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output type of a mask expression, where it can be told from the text alone: a bare column reference has
 * that column's type, an outermost {@code CAST(… AS t)} or trailing {@code ::t} has type {@code t}, a number is
 * integer or numeric; anything else is described as {@code text} (most masks build strings).
 */
final class MaskTypes {
    private static final Pattern TRAILING_CAST = Pattern.compile("(?s).*::\\s*([a-z_][a-z0-9_ ]*(?:\\([0-9, ]+\\))?"
            + "(?:\\s*\\[\\s*\\])?)\\s*");
    private static final Pattern OUTER_CAST = Pattern.compile("(?s)\\s*cast\\s*\\(.*\\s+as\\s+([a-z_][a-z0-9_ ]*"
            + "(?:\\([0-9, ]+\\))?)\\s*\\)\\s*");

    private MaskTypes() {}

    static TypeNames.PgType outputType(String mask, List<ColumnInfo> columns) {
        String sql = mask.trim();
        for (ColumnInfo c : columns) {
            if (sql.equals(c.name()) || sql.equals('"' + c.name() + '"')) return TypeNames.parse(c.pgType());
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.matches("-?\\d+")) return TypeNames.parse("integer");
        if (lower.matches("-?\\d+\\.\\d*")) return TypeNames.parse("numeric");
        Matcher cast = TRAILING_CAST.matcher(lower);
        if (cast.matches() && !inQuotesOrParens(lower, cast.start(1)) && isPrimary(lower, cast.start(1))) {
            return TypeNames.parse(cast.group(1));
        }
        Matcher outer = OUTER_CAST.matcher(lower);
        if (outer.matches()) return TypeNames.parse(outer.group(1));
        return TypeNames.TEXT;
    }

    /** Whether what the trailing cast applies to is the whole expression (one name, literal or parenthesis). */
    private static boolean isPrimary(String sql, int typeStart) {
        String operand = sql.substring(0, sql.lastIndexOf("::", typeStart)).trim();
        if (operand.matches("[a-z0-9_.\"]+|'[^']*'")) return true;
        if (!operand.startsWith("(") || !operand.endsWith(")")) return false;
        int depth = 0;
        for (int i = 0; i < operand.length(); i++) {
            char c = operand.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0 && i < operand.length() - 1) return false;
        }
        return true;
    }

    /** Whether position {@code at} is inside a string literal or parentheses (then the cast is not outermost). */
    private static boolean inQuotesOrParens(String sql, int at) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            char c = sql.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
        }
        return quoted || depth != 0;
    }
}
