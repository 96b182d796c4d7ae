package dev.betweenrows.rewrite.lex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a query string at top-level semicolons: never inside literals, comments, dollar quotes, parentheses or
 * brackets (those are single tokens or tracked nesting). Unbalanced nesting fails the whole string, as PostgreSQL's
 * parser rejects the whole string before running any of it.
 */
public final class StatementSplitter {

    private StatementSplitter() {}

    /**
     * The statements a simple Query runs, as PostgreSQL sees them: empty pieces between semicolons are dropped; a
     * string with no statement at all yields exactly one empty statement, its first piece (answer:
     * EmptyQueryResponse).
     */
    public static List<Statement> split(String sql) {
        List<Statement> all = segments(sql);
        if (all.size() == 1) return all;   // the usual case: one statement, no semicolon
        List<Statement> statements = new ArrayList<>(all.size());
        for (Statement st : all) if (!st.isEmpty()) statements.add(st);
        return statements.isEmpty() ? List.of(all.get(0)) : List.copyOf(statements);
    }

    /** Every piece between top-level semicolons, empty ones included (a trailing {@code ;} gives a last empty piece). */
    public static List<Statement> segments(String sql) {
        List<Token> tokens = PgLexer.tokenize(sql);
        List<Statement> out = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        Token nestedSemicolon = null;
        int segmentStart = 0;
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            switch (t.type()) {
                case LEFT_PAREN, LEFT_BRACKET -> open.push(t);
                case RIGHT_PAREN, RIGHT_BRACKET -> {
                    TokenType expected = t.is(TokenType.RIGHT_PAREN) ? TokenType.LEFT_PAREN : TokenType.LEFT_BRACKET;
                    if (open.isEmpty() || !open.peek().is(expected)) throw nearToken(t);
                    open.pop();
                }
                case SEMICOLON -> {
                    if (open.isEmpty()) {
                        out.add(new Statement(sql, segmentStart, t.start(), current));
                        current = new ArrayList<>();
                        segmentStart = t.end();
                        continue;
                    }
                    if (nestedSemicolon == null) nestedSemicolon = t;
                }
                default -> { }
            }
            current.add(t);
        }
        if (!open.isEmpty()) {
            if (nestedSemicolon != null) throw nearToken(nestedSemicolon);
            throw LexException.syntax("syntax error at end of input", sql.length());
        }
        out.add(new Statement(sql, segmentStart, sql.length(), current));
        return List.copyOf(out);
    }

    /**
     * The one statement of an extended-protocol Parse message. A trailing semicolon is fine; two statements are
     * refused as PostgreSQL does. No statement yields an empty one.
     */
    public static Statement single(String sql) {
        List<Statement> statements = split(sql);
        if (statements.size() > 1) {
            throw new LexException("42601", "cannot insert multiple commands into a prepared statement", statements.get(1).start());
        }
        return statements.get(0);
    }

    private static LexException nearToken(Token t) {
        return LexException.syntax("syntax error at or near \"" + t.text() + "\"", t.start());
    }
}
