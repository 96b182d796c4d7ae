package dev.betweenrows.rewrite.catalog;

/**
 * Where the operand of a PostgreSQL {@code ::} cast starts in the normaliser's output, so the cast can be
 * parenthesised: Calcite's Babel parser binds {@code ::} looser than comparison ({@code a = b::oid} would cast
 * {@code a = b}), PostgreSQL binds it to the operand just before. The operand is one primary: a literal, a
 * (qualified) name, a parenthesised expression or a call, with any subscripts.
 */
final class CastOperand {
    private CastOperand() {}

    /** The index in {@code out} where the operand ending at {@code out}'s end begins. */
    static int start(CharSequence out) {
        int i = skipSpaces(out, out.length() - 1);
        while (i >= 0) {
            char c = out.charAt(i);
            int begin;
            if (c == ']') {
                i = skipSpaces(out, matching(out, i, '[', ']') - 1); // a subscript: the array comes before it
                continue;
            } else if (c == ')') {
                begin = matching(out, i, '(', ')');
                int name = skipSpaces(out, begin - 1);
                if (name >= 0 && isNameChar(out.charAt(name)) && !KEYWORDS.contains(wordEndingAt(out, name))) {
                    begin = nameStart(out, name);
                }
            } else if (c == '\'') {
                begin = quoteStart(out, i);
            } else if (isNameChar(c) && wordEndingAt(out, i).equals("end")) {
                begin = caseStart(out, i);
            } else if (isNameChar(c)) {
                begin = nameStart(out, i);
            } else {
                return i + 1;
            }
            return begin;
        }
        return 0;
    }

    /** Words before a parenthesis that make it a parenthesised expression, not a call. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "or", "not", "else", "then",
            "when", "case", "in", "select", "where", "on", "by", "as", "from", "having", "is", "like", "ilike",
            "between", "distinct", "using", "values", "return", "limit", "offset", "join", "with", "all", "union",
            "except", "intersect", "filter", "over");

    /** The lower-cased word ending at {@code i}. */
    private static String wordEndingAt(CharSequence out, int i) {
        int k = i;
        while (k >= 0 && (Character.isLetterOrDigit(out.charAt(k)) || out.charAt(k) == '_')) k--;
        if (k >= 0 && out.charAt(k) == '"') return ""; // a quoted name is never a keyword
        return out.subSequence(k + 1, i + 1).toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The start of the {@code CASE} whose {@code END} ends at {@code i} (nested CASEs counted, strings skipped). */
    private static int caseStart(CharSequence out, int i) {
        int depth = 0;
        boolean quoted = false;
        for (int k = i; k >= 0; k--) {
            char c = out.charAt(k);
            if (c == '\'') quoted = !quoted;
            if (quoted || !Character.isLetter(c)) continue;
            boolean wordEnd = k + 1 == out.length() || !isNameChar(out.charAt(k + 1));
            if (!wordEnd) continue;
            String word = wordEndingAt(out, k);
            int wordStart = k - word.length() + 1;
            if (wordStart > 0 && isNameChar(out.charAt(wordStart - 1))) continue;
            if (word.equals("end")) depth++;
            else if (word.equals("case") && --depth == 0) return wordStart;
        }
        return 0;
    }

    /** The start of a possibly qualified name ({@code a . b}, {@code "x"}) ending at {@code i}. */
    private static int nameStart(CharSequence out, int i) {
        int k = i;
        while (true) {
            while (k >= 0 && isNameChar(out.charAt(k))) k--;
            int before = skipSpaces(out, k);
            if (before >= 0 && out.charAt(before) == '.') {
                int prev = skipSpaces(out, before - 1);
                if (prev >= 0 && isNameChar(out.charAt(prev))) {
                    k = prev;
                    continue;
                }
            }
            return k + 1;
        }
    }

    /** The opening quote of the string literal whose closing quote is at {@code i} ({@code ''} is an escape). */
    private static int quoteStart(CharSequence out, int i) {
        int k = i - 1;
        while (k >= 0) {
            if (out.charAt(k) == '\'') {
                if (k > 0 && out.charAt(k - 1) == '\'') {
                    k -= 2;
                    continue;
                }
                return k;
            }
            k--;
        }
        return 0;
    }

    private static int matching(CharSequence out, int close, char open, char closeChar) {
        int depth = 0;
        boolean quoted = false;
        for (int k = close; k >= 0; k--) {
            char c = out.charAt(k);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == closeChar) depth++;
            else if (c == open && --depth == 0) return k;
        }
        return 0;
    }

    private static int skipSpaces(CharSequence out, int i) {
        while (i >= 0 && out.charAt(i) == ' ') i--;
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '$';
    }
}
