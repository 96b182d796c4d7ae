package dev.betweenrows.rewrite.lex;

/**
 * One token with its position in the original text ({@code start} inclusive, {@code end} exclusive, Java string
 * indices). {@code text} is the exact source slice; {@code value} is what PostgreSQL sees: folded identifier,
 * decoded string, parameter number, operator name ({@code !=} reads as {@code <>}).
 */
public record Token(TokenType type, int start, int end, String text, String value, boolean keyword) {

    public boolean isTrivia() {
        return type.isTrivia();
    }

    /** An unquoted word equal to {@code lowerCaseWord}: keywords only match unquoted, as in PostgreSQL. */
    public boolean isWord(String lowerCaseWord) {
        return type == TokenType.IDENTIFIER && value.equals(lowerCaseWord);
    }

    public boolean is(TokenType other) {
        return type == other;
    }

    /** Reserved keywords cannot name a cursor, savepoint or setting without quotes. */
    public boolean isReservedWord() {
        return type == TokenType.IDENTIFIER && PgKeywords.isReserved(value);
    }
}
