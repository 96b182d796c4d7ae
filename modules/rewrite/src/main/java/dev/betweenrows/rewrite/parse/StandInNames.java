package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Function names Babel reserves for its own syntax but PostgreSQL calls as plain functions: outside a FROM list,
 * {@code unnest(…)} reads as a call of the same-length stand-in {@code unnes_(…)}. Whoever checks a call by name
 * asks {@link #written} for the name the client wrote: the stand-in maps back only where the client's own token
 * is the original word, so a client who writes the stand-in gets exactly that name checked.
 */
public final class StandInNames {
    private static final Map<String, String> STAND_INS = Map.of("unnest", "unnes_");
    private static final Map<String, String> ORIGINALS = Map.of("unnes_", "unnest");
    /** Words after which a name starts a FROM item (Babel's own UNNEST grammar handles those). */
    private static final Set<String> FROM_WORDS = Set.of("from", "join", "lateral");
    /** Clause words that end the search for the clause a comma-separated item belongs to. */
    private static final Set<String> CLAUSES = Set.of("select", "from", "where", "group", "having", "order",
            "window", "limit", "offset", "on", "using", "values", "returning", "set", "join");

    private StandInNames() {}

    /** The name the client wrote for a call the parser read as {@code parsed}, given the client's token there. */
    public static String written(String parsed, Token writtenToken) {
        String original = ORIGINALS.get(parsed);
        return original != null && writtenToken != null && writtenToken.isWord(original) ? original : parsed;
    }

    static void rewrite(char[] out, List<Token> sig, Nesting nesting) {
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            String standIn = t.is(TokenType.IDENTIFIER) ? STAND_INS.get(t.value()) : null;
            if (standIn == null || !sig.get(i + 1).is(TokenType.LEFT_PAREN) || startsFromItem(sig, nesting, i)) {
                continue;
            }
            if (i > 0 && sig.get(i - 1).is(TokenType.DOT)) continue; // qualified: Babel reads it as a name already
            Neutralizer.replace(out, t.start(), t.end(), standIn);
        }
    }

    private static boolean startsFromItem(List<Token> sig, Nesting nesting, int i) {
        if (i == 0) return false;
        Token before = sig.get(i - 1);
        if (before.is(TokenType.IDENTIFIER) && FROM_WORDS.contains(before.value())) return true;
        if (!before.is(TokenType.COMMA)) return false;
        int level = nesting.enclosing(i);
        for (int k = i - 2; k >= 0 && k > level; k--) {
            Token w = sig.get(k);
            if (nesting.enclosing(k) == level && w.is(TokenType.IDENTIFIER) && CLAUSES.contains(w.value())) {
                return w.isWord("from") || w.isWord("join");
            }
        }
        return false;
    }
}
