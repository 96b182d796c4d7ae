package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Which parenthesis or bracket directly encloses each significant token, and which one closes each opener. */
final class Nesting {
    private final int[] enclosing;
    private final int[] closing;

    private Nesting(int[] enclosing, int[] closing) {
        this.enclosing = enclosing;
        this.closing = closing;
    }

    static Nesting of(List<Token> sig) {
        int[] enclosing = new int[sig.size()];
        int[] closing = new int[sig.size()];
        Arrays.fill(closing, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.is(TokenType.RIGHT_PAREN) || t.is(TokenType.RIGHT_BRACKET)) {
                Integer opener = open.poll();
                if (opener != null && matches(sig.get(opener), t)) closing[opener] = i;
            }
            enclosing[i] = open.isEmpty() ? -1 : open.peek();
            if (t.is(TokenType.LEFT_PAREN) || t.is(TokenType.LEFT_BRACKET)) open.push(i);
        }
        return new Nesting(enclosing, closing);
    }

    private static boolean matches(Token open, Token close) {
        return open.is(TokenType.LEFT_PAREN) ? close.is(TokenType.RIGHT_PAREN) : close.is(TokenType.RIGHT_BRACKET);
    }

    /** Index of the opener directly enclosing token {@code i} (for a closer: its own opener's enclosure), or -1. */
    int enclosing(int i) { return enclosing[i]; }

    /** Index of the token closing the opener at {@code i}, or -1 when unbalanced or mismatched. */
    int closing(int i) { return closing[i]; }
}
