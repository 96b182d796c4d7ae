package dev.betweenrows.rewrite.lex;

/** Token classes of the PostgreSQL scanner that matter before parsing. */
public enum TokenType {
    WHITESPACE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** Unquoted name; value is folded to lower case (ASCII only, as PostgreSQL does) and truncated to 63 bytes. */
    IDENTIFIER,
    /** {@code "..."} or {@code U&"..."}; value is decoded, case kept, truncated to 63 bytes. */
    QUOTED_IDENTIFIER,
    /** {@code '...'} and {@code N'...'}; value is the decoded content. */
    STRING,
    /** {@code E'...'} with backslash escapes. */
    ESCAPE_STRING,
    /** {@code U&'...'} [UESCAPE 'c']. */
    UNICODE_STRING,
    /** {@code B'...'}; value is the raw content. */
    BIT_STRING,
    /** {@code X'...'}; value is the raw content. */
    HEX_STRING,
    /** {@code $tag$...$tag$}; value is the body. */
    DOLLAR_STRING,
    INTEGER,
    /** Decimal or exponent notation. */
    NUMERIC,
    /** {@code $n}; value is the number's digits. */
    PARAMETER,
    /** Operator per PostgreSQL rules ({@code ->>}, {@code @>}, {@code !~*}, {@code <=}, {@code :=}, {@code ..}, ...). */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    SEMICOLON,
    DOT,
    COLON,
    /** {@code ::} */
    TYPECAST,
    /** A character the scanner passes through alone (e.g. a stray {@code $}, {@code \}, <code>{</code>); the parser rejects it. */
    OTHER;

    /** Whitespace and comments: invisible to the grammar. */
    public boolean isTrivia() {
        return this == WHITESPACE || this == LINE_COMMENT || this == BLOCK_COMMENT;
    }

    /** Any kind of string constant. */
    public boolean isString() {
        return switch (this) {
            case STRING, ESCAPE_STRING, UNICODE_STRING, BIT_STRING, HEX_STRING, DOLLAR_STRING -> true;
            default -> false;
        };
    }

    public boolean isIdentifier() {
        return this == IDENTIFIER || this == QUOTED_IDENTIFIER;
    }
}
