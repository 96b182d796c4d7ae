package dev.betweenrows.rewrite.lex;

/**
 * The statement text cannot be scanned (unterminated literal or comment, bad escape, trailing junk, unbalanced
 * parentheses). Carries the PostgreSQL SQLSTATE and the offset into the original text.
 */
public final class LexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int offset;

    public LexException(String sqlState, String message, int offset) {
        super(message);
        this.sqlState = sqlState;
        this.offset = offset;
    }

    static LexException syntax(String message, int offset) {
        return new LexException("42601", message, offset);
    }

    public String sqlState() {
        return sqlState;
    }

    /** 0-based Java string index into the text that was scanned. */
    public int offset() {
        return offset;
    }

    /** The ErrorResponse {@code P} field: 1-based character (code point) position, as PostgreSQL reports it. */
    public int pgPosition(String sql) {
        int end = Math.min(Math.max(offset, 0), sql.length());
        return sql.codePointCount(0, end) + 1;
    }
}
