package dev.betweenrows.rewrite.lex;

import java.util.List;

/**
 * One statement of a query string: its exact original text ({@code source[start, end)}, without the terminating
 * semicolon), and its tokens with offsets into {@code source}.
 */
public final class Statement {
    private final String source;
    private final int start;
    private final int end;
    private final List<Token> tokens;
    private final List<Token> significant;

    public Statement(String source, int start, int end, List<Token> tokens) {
        if (start < 0 || end < start || end > source.length()) throw new IllegalArgumentException("bad statement bounds");
        this.source = source;
        this.start = start;
        this.end = end;
        this.tokens = List.copyOf(tokens);
        this.significant = this.tokens.stream().filter(t -> !t.isTrivia()).toList();
    }

    /** The whole query string this statement was cut from. */
    public String source() {
        return source;
    }

    /** Offset of the statement's first character (leading whitespace and comments included) in {@link #source()}. */
    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The statement exactly as the client wrote it. */
    public String text() {
        return source.substring(start, end);
    }

    /** All tokens, trivia included. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Tokens without whitespace and comments. */
    public List<Token> significant() {
        return significant;
    }

    /** Only whitespace and comments: the wire answers EmptyQueryResponse. */
    public boolean isEmpty() {
        return significant.isEmpty();
    }

    /** Original text from the start of {@code first} to the end of {@code last}. */
    public String textBetween(Token first, Token last) {
        return source.substring(first.start(), last.end());
    }

    @Override
    public String toString() {
        return "Statement[" + start + ".." + end + "]";
    }
}
