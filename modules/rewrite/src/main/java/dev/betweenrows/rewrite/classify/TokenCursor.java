package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;

/** Walks a statement's significant tokens; parse failures end classification with a 42601 refusal. */
final class TokenCursor {

    /** Thrown to abandon a parse; carries the refusal to return. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient StatementKind.Refusal refusal;

        Abort(StatementKind.Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final Statement statement;
    private final List<Token> tokens;
    private int index;

    TokenCursor(Statement statement, int from) {
        this.statement = statement;
        this.tokens = statement.significant();
        this.index = from;
    }

    Statement statement() { return statement; }

    List<Token> tokens() { return tokens; }

    int index() { return index; }

    boolean atEnd() { return index >= tokens.size(); }

    Token peek() { return peek(0); }

    Token peek(int ahead) {
        int k = index + ahead;
        return k < tokens.size() ? tokens.get(k) : null;
    }

    Token next() {
        if (atEnd()) throw syntaxError();
        return tokens.get(index++);
    }

    Token previous() { return index > 0 ? tokens.get(index - 1) : null; }

    boolean peekWords(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.isWord(words[k])) return false;
        }
        return true;
    }

    /** Consumes the words only if all of them follow, in order. */
    boolean acceptWords(String... words) {
        if (!peekWords(words)) return false;
        index += words.length;
        return true;
    }

    void expectWords(String... words) {
        if (!acceptWords(words)) throw syntaxError();
    }

    boolean accept(TokenType type) {
        Token t = peek();
        if (t == null || !t.is(type)) return false;
        index++;
        return true;
    }

    /** A name PostgreSQL accepts as ColId: an unquoted non-reserved word or a quoted identifier. */
    String name() {
        Token t = peek();
        if (t == null || !isName(t)) throw syntaxError();
        index++;
        return t.value();
    }

    static boolean isName(Token t) {
        return t.is(TokenType.QUOTED_IDENTIFIER) || (t.is(TokenType.IDENTIFIER) && !t.isReservedWord());
    }

    void expectEnd() {
        if (!atEnd()) throw syntaxError();
    }

    /** "syntax error at or near ..." at the current token, as PostgreSQL words it. */
    Abort syntaxError() {
        Token t = peek();
        if (t == null) {
            return new Abort(new StatementKind.Refused(command(), "42601", "syntax error at end of input", statement.end()));
        }
        return new Abort(new StatementKind.Refused(command(), "42601", "syntax error at or near \"" + t.text() + "\"", t.start()));
    }

    Abort refuse(String sqlState, String message) {
        return new Abort(new StatementKind.Refused(command(), sqlState, message, -1));
    }

    /** The statement's leading keyword in upper case (keywords only, never a user-chosen name). */
    String command() {
        if (tokens.isEmpty()) return "";
        Token first = tokens.get(0);
        return first.is(TokenType.IDENTIFIER) && first.keyword() ? first.value().toUpperCase(java.util.Locale.ROOT) : "";
    }
}
