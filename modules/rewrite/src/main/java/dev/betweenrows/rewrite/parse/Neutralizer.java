package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * Rewrites PostgreSQL-only spellings that Babel cannot read into same-length text it can, so parser positions
 * stay positions in the client's text. The tree is only used to find and resolve names (never re-emitted), so a
 * replacement only has to keep every name and subquery where it was: it never blanks text that could hold a
 * relation reference. Line breaks are kept wherever text is blanked.
 */
final class Neutralizer {

    /** Type names that may prefix a string literal ({@code interval '1 day'}); the word is blanked. */
    private static final Set<String> LITERAL_TYPES = Set.of("interval", "timestamp", "timestamptz", "date", "time",
            "timetz", "numeric", "decimal", "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "text",
            "varchar", "char", "bool", "boolean", "json", "jsonb", "uuid", "inet", "cidr", "bytea", "real", "float4",
            "float8", "money", "xml", "point");

    /** PostgreSQL operators Babel lacks, mapped to a binary operator of similar (higher-than-comparison) precedence. */
    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("->", "||"),
            Map.entry("->>", "|| "), Map.entry("#>", "||"), Map.entry("#>>", "|| "), Map.entry("@>", "||"),
            Map.entry("<@", "||"), Map.entry("?", "+"), Map.entry("?|", "||"), Map.entry("?&", "||"),
            Map.entry("@@", "||"), Map.entry("#-", "||"), Map.entry("&&", "||"));

    private Neutralizer() {}

    static String neutralize(SourceText source, SqlAbstractParserImpl.Metadata metadata) {
        char[] out = source.text().toCharArray();
        for (Token t : source.tokens()) {
            switch (t.type()) {
                case LINE_COMMENT, BLOCK_COMMENT -> blank(out, t.start(), t.end());
                case PARAMETER -> replace(out, t.start(), t.end(), "?");
                case DOLLAR_STRING, ESCAPE_STRING, UNICODE_STRING, BIT_STRING, HEX_STRING -> emptyString(out, t);
                case OPERATOR -> {
                    String mapped = OPERATORS.get(t.text());
                    if (mapped != null) replace(out, t.start(), t.end(), mapped);
                }
                default -> { }
            }
        }
        List<Token> sig = source.significant();
        Nesting nesting = Nesting.of(sig);
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            Token next = i + 1 < sig.size() ? sig.get(i + 1) : null;
            if (t.is(TokenType.TYPECAST)) {
                castType(out, sig, i + 1);
            } else if (t.is(TokenType.IDENTIFIER) && next != null) {
                words(out, sig, i, t, next);
            } else if (t.is(TokenType.COLON)) {
                sliceBound(out, sig, nesting, i);
            }
        }
        AggregateOrderBy.rewrite(out, sig, nesting);
        StandInNames.rewrite(out, sig, nesting);
        KeywordAliases.rewrite(out, sig, nesting, metadata);
        return new String(out);
    }

    private static void words(char[] out, List<Token> sig, int i, Token t, Token next) {
        Token before = i > 0 ? sig.get(i - 1) : null;
        if (LITERAL_TYPES.contains(t.value()) && next.is(TokenType.STRING)
                && (before == null || !before.is(TokenType.TYPECAST))) {
            blank(out, t.start(), t.end());
        } else if (t.isWord("at") && next.isWord("time") && i + 2 < sig.size() && sig.get(i + 2).isWord("zone")) {
            replace(out, t.start(), sig.get(i + 2).end(), "||");
        } else if (t.isWord("collate")) {
            int end = dottedName(sig, i + 1);
            if (end > i + 1) blank(out, t.start(), sig.get(end - 1).end());
        } else if (t.isWord("with") && next.isWord("ordinality")) {
            blank(out, t.start(), next.end());
        } else if (t.isWord("operator") && next.is(TokenType.LEFT_PAREN)) {
            int close = closing(sig, i + 1);
            if (close > 0) replace(out, t.start(), sig.get(close).end(), "||");
        } else if (t.isWord("only") && before != null && (before.isWord("from") || before.isWord("join")
                || before.is(TokenType.COMMA)) && isRelationName(next)) {
            // The resolver reads ONLY from the client's tokens and keeps it inside the derived table.
            blank(out, t.start(), t.end());
        } else if (t.isWord("lateral") && isFunctionCall(sig, i + 1)) {
            // Functions in FROM are implicitly LATERAL in PostgreSQL; Babel only reads LATERAL before a subquery.
            blank(out, t.start(), t.end());
        } else if (t.isWord("distinct") && next.isWord("on") && i + 2 < sig.size()
                && sig.get(i + 2).is(TokenType.LEFT_PAREN)) {
            distinctOn(out, sig, next, i + 2);
        }
    }

    /** {@code DISTINCT ON (a, b) x} reads as {@code DISTINCT    (a, b),x}: the key expressions stay visible. */
    private static void distinctOn(char[] out, List<Token> sig, Token on, int open) {
        int close = closing(sig, open);
        if (close < 0) return;
        int after = sig.get(close).end();
        if (after < out.length && Character.isWhitespace(out[after]) && out[after] != '\n' && out[after] != '\r') {
            blank(out, on.start(), on.end());
            out[after] = ',';
        }
    }

    private static boolean isRelationName(Token t) {
        return t.is(TokenType.QUOTED_IDENTIFIER) || (t.is(TokenType.IDENTIFIER) && !t.isReservedWord());
    }

    /** Whether a (possibly schema-qualified) unquoted function name and its {@code (} start at {@code from}. */
    private static boolean isFunctionCall(List<Token> sig, int from) {
        if (from >= sig.size() || !sig.get(from).is(TokenType.IDENTIFIER) || sig.get(from).isReservedWord()) {
            return false;
        }
        int end = dottedName(sig, from);
        return end < sig.size() && sig.get(end).is(TokenType.LEFT_PAREN);
    }

    /**
     * An array slice {@code a[lo:hi]} reads as the subscript {@code a[lo+hi]} ({@code a[:hi]} as {@code a[+hi]},
     * {@code a[lo:]} as {@code a[lo ]}): both bounds stay visible expressions. {@code a[:]} is left alone.
     */
    private static void sliceBound(char[] out, List<Token> sig, Nesting nesting, int colon) {
        int open = nesting.enclosing(colon);
        if (open < 0 || !sig.get(open).is(TokenType.LEFT_BRACKET) || colon + 1 >= sig.size()) return;
        boolean noLower = open == colon - 1;
        boolean noUpper = sig.get(colon + 1).is(TokenType.RIGHT_BRACKET);
        if (noLower && noUpper) return;
        Token t = sig.get(colon);
        replace(out, t.start(), t.end(), noUpper ? " " : "+");
    }

    /** The type after {@code ::}: a dotted name, typmods, {@code []}s, multi-word forms; becomes {@code int}. */
    private static void castType(char[] out, List<Token> sig, int from) {
        int k = dottedName(sig, from);
        if (k == from) return;
        while (k < sig.size() && isTypeWord(sig.get(k))) k++;
        if (k < sig.size() && sig.get(k).is(TokenType.LEFT_PAREN)) {
            int close = closing(sig, k);
            boolean modifiers = close > 0;
            for (int j = k + 1; modifiers && j < close; j++) {
                modifiers = sig.get(j).is(TokenType.INTEGER) || sig.get(j).is(TokenType.COMMA);
            }
            if (modifiers) k = close + 1;
        }
        while (k < sig.size() && isTypeWord(sig.get(k))) k++;
        while (k + 1 < sig.size() && sig.get(k).is(TokenType.LEFT_BRACKET) && sig.get(k + 1).is(TokenType.RIGHT_BRACKET)) {
            k += 2;
        }
        int start = sig.get(from).start();
        int end = sig.get(k - 1).end();
        if (end - start >= 3) replace(out, start, end, "int");
    }

    private static boolean isTypeWord(Token t) {
        return t.isWord("with") || t.isWord("without") || t.isWord("time") || t.isWord("zone")
                || t.isWord("varying") || t.isWord("precision");
    }

    /** Index just past a name like {@code a}, {@code "A"}, {@code pg_catalog.int4}; {@code from} if none. */
    private static int dottedName(List<Token> sig, int from) {
        int k = from;
        if (k >= sig.size() || !sig.get(k).type().isIdentifier()) return from;
        k++;
        while (k + 1 < sig.size() && sig.get(k).is(TokenType.DOT) && sig.get(k + 1).type().isIdentifier()) k += 2;
        return k;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(List<Token> sig, int open) {
        int depth = 0;
        for (int k = open; k < sig.size(); k++) {
            if (sig.get(k).is(TokenType.LEFT_PAREN)) depth++;
            else if (sig.get(k).is(TokenType.RIGHT_PAREN) && --depth == 0) return k;
        }
        return -1;
    }

    private static void emptyString(char[] out, Token t) {
        blank(out, t.start(), t.end());
        out[t.start()] = '\'';
        out[t.end() - 1] = '\'';
    }

    /** Writes {@code text} at {@code start} and blanks the rest of {@code [start, end)}. */
    static void replace(char[] out, int start, int end, String text) {
        blank(out, start, end);
        for (int k = 0; k < text.length() && start + k < end; k++) out[start + k] = text.charAt(k);
    }

    static void blank(char[] out, int start, int end) {
        for (int k = start; k < end; k++) if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
    }
}
