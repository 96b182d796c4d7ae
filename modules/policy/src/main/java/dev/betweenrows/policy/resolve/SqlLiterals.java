package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.BindingException;

import java.util.List;
import java.util.stream.Collectors;

/** Renders typed values as PostgreSQL literal tokens. Nothing else may replace a placeholder. */
final class SqlLiterals {
    /** Where a list placeholder sits, which decides its literal form. */
    enum ListContext { AFTER_IN, INSIDE_IN_PARENS, ARRAY }

    private SqlLiterals() {}

    /**
     * A string constant that reads the same under either {@code standard_conforming_strings} setting:
     * plain {@code '…'} when there is no backslash, else an {@code E'…'} string with backslashes doubled.
     */
    static String string(String s) {
        if (s.indexOf('\0') >= 0) throw new BindingException("a value contains a NUL character");
        String quoted = s.replace("'", "''");
        return s.indexOf('\\') < 0 ? "'" + quoted + "'" : "E'" + quoted.replace("\\", "\\\\") + "'";
    }

    /** Parenthesised when negative, so a preceding minus can never turn it into a comment. */
    static String integer(long v) { return v < 0 ? "(" + v + ")" : Long.toString(v); }

    static String bool(boolean b) { return b ? "TRUE" : "FALSE"; }

    /** A list; {@code values == null} means no value and no default (SQL NULL). */
    static String list(List<String> values, ListContext ctx) {
        boolean none = values == null || values.isEmpty();
        String items = none ? "" : values.stream().map(SqlLiterals::string).collect(Collectors.joining(", "));
        return switch (ctx) {
            case AFTER_IN -> none ? "(NULL)" : "(" + items + ")";
            case INSIDE_IN_PARENS -> none ? "NULL" : items;
            case ARRAY -> values == null ? "NULL::text[]" : "ARRAY[" + items + "]::text[]";
        };
    }

    /** Classifies a list placeholder at {@code [start, end)} by the text around it. */
    static ListContext listContext(String s, int start, int end) {
        int b = skipSpaceBack(s, start - 1);
        if (b >= 0 && s.charAt(b) == '(') {
            int a = skipSpaceForward(s, end);
            if (endsWithIn(s, skipSpaceBack(s, b - 1)) && a < s.length() && s.charAt(a) == ')')
                return ListContext.INSIDE_IN_PARENS;
            return ListContext.ARRAY;
        }
        return endsWithIn(s, b) ? ListContext.AFTER_IN : ListContext.ARRAY;
    }

    private static boolean endsWithIn(String s, int last) {
        if (last < 1) return false;
        boolean in = Character.toLowerCase(s.charAt(last)) == 'n' && Character.toLowerCase(s.charAt(last - 1)) == 'i';
        return in && (last < 2 || !TemplateScanner.isIdentChar(s.charAt(last - 2)));
    }

    private static int skipSpaceBack(String s, int i) {
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        return i;
    }

    private static int skipSpaceForward(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** Whether a literal next to this character needs a separating space to stay its own token. */
    static boolean needsSpace(char neighbour) {
        return !Character.isWhitespace(neighbour) && neighbour != '(' && neighbour != ')' && neighbour != ',';
    }
}
