package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Set;

/**
 * {@code json_agg(x ORDER BY y DESC, z)} reads as {@code json_agg(x ,        y     , z)}: Babel only parses an
 * ORDER BY inside {@code array_agg}/{@code string_agg}. The sort keys become extra arguments of the same call, so
 * they stay visible to the resolver (same scope as the arguments, as in PostgreSQL); only the words ORDER, BY,
 * ASC, DESC, NULLS FIRST/LAST are blanked. {@code USING op} is left alone, so such a call still fails to parse.
 * The tree is never re-emitted: PostgreSQL receives the client's text.
 */
final class AggregateOrderBy {
    /** PostgreSQL aggregates that take an ORDER BY in their argument list and Babel reads as plain calls. */
    private static final Set<String> AGGREGATES = Set.of("json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "json_object_agg_strict", "json_object_agg_unique", "json_object_agg_unique_strict",
            "jsonb_object_agg_strict", "jsonb_object_agg_unique", "jsonb_object_agg_unique_strict", "xmlagg",
            "range_agg", "range_intersect_agg", "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every",
            "bit_and", "bit_or", "bit_xor");

    private AggregateOrderBy() {}

    static void rewrite(char[] out, List<Token> sig, Nesting nesting) {
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token name = sig.get(i);
            if (!name.is(TokenType.IDENTIFIER) || !AGGREGATES.contains(name.value())
                    || !sig.get(i + 1).is(TokenType.LEFT_PAREN)) {
                continue;
            }
            if (i > 0 && sig.get(i - 1).is(TokenType.DOT) && !qualifiedByCatalog(sig, i)) continue;
            int open = i + 1;
            int close = nesting.closing(open);
            if (close < 0) continue;
            int order = orderBy(sig, nesting, open, close);
            if (order > 0) sortKeys(out, sig, nesting, open, order, close);
        }
    }

    private static boolean qualifiedByCatalog(List<Token> sig, int name) {
        return name >= 2 && sig.get(name - 2).isWord("pg_catalog");
    }

    /** Index of ORDER in {@code ORDER BY} directly inside the call's parentheses, after an argument; else -1. */
    private static int orderBy(List<Token> sig, Nesting nesting, int open, int close) {
        for (int k = open + 2; k + 1 < close; k++) {
            if (nesting.enclosing(k) == open && sig.get(k).isWord("order") && sig.get(k + 1).isWord("by")) return k;
        }
        return -1;
    }

    private static void sortKeys(char[] out, List<Token> sig, Nesting nesting, int open, int order, int close) {
        for (int k = order + 2; k < close; k++) {
            if (nesting.enclosing(k) == open && sig.get(k).isWord("using")) return; // not a shape Babel can read
        }
        Neutralizer.replace(out, sig.get(order).start(), sig.get(order).end(), ",");
        Neutralizer.blank(out, sig.get(order + 1).start(), sig.get(order + 1).end());
        for (int k = order + 2; k < close; k++) {
            if (nesting.enclosing(k) != open) continue;
            Token t = sig.get(k);
            if (t.isWord("asc") || t.isWord("desc")) {
                Neutralizer.blank(out, t.start(), t.end());
            } else if (t.isWord("nulls") && (sig.get(k + 1).isWord("first") || sig.get(k + 1).isWord("last"))) {
                Neutralizer.blank(out, t.start(), sig.get(k + 1).end());
            }
        }
    }
}
