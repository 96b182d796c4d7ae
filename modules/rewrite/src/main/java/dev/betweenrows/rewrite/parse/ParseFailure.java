package dev.betweenrows.rewrite.parse;

/** The statement does not parse: a PostgreSQL-shaped message and the offset it points at (-1 for none). */
public final class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int offset;
    private final String detail;

    public ParseFailure(String sqlState, String message, int offset, String detail) {
        super(message);
        this.sqlState = sqlState;
        this.offset = offset;
        this.detail = detail;
    }

    public String sqlState() { return sqlState; }

    /** 0-based offset into the statement text, or -1. */
    public int offset() { return offset; }

    /** The parser's own explanation, for the audit only. */
    public String detail() { return detail; }
}
