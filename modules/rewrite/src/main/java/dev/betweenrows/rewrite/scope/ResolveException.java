package dev.betweenrows.rewrite.scope;

/**
 * The statement cannot be resolved: a PostgreSQL-shaped client message (never naming anything hidden), the
 * offset it points at (-1 for none), and an audit-only reason.
 */
public final class ResolveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int offset;
    private final String reason;
    private final String hint;

    public ResolveException(String sqlState, String message, int offset, String reason) {
        this(sqlState, message, null, offset, reason);
    }

    /** With a client hint (PostgreSQL's own wording; like the message, it must name nothing hidden). */
    public ResolveException(String sqlState, String message, String hint, int offset, String reason) {
        super(message);
        this.sqlState = sqlState;
        this.offset = offset;
        this.reason = reason;
        this.hint = hint;
    }

    public static ResolveException unsupported(String what, int offset) {
        return new ResolveException("0A000", what + " is not supported", offset, "not understood: " + what);
    }

    public String sqlState() { return sqlState; }

    public int offset() { return offset; }

    public String reason() { return reason; }

    /** The client hint, or null. */
    public String hint() { return hint; }
}
