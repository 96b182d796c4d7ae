package dev.betweenrows.wire.codec;

import dev.betweenrows.wire.message.ErrorResponse;

/**
 * Malformed or unacceptable protocol input. Always fatal for the connection it came from: once a frame is
 * wrong the byte stream can no longer be trusted to be in sync. Unchecked because every decode path can
 * raise it and the session handles it in one place.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public ProtocolException(String sqlState, String message) {
        super(message);
        this.sqlState = SqlStates.requireValid(sqlState);
    }

    public static ProtocolException violation(String message) {
        return new ProtocolException(SqlStates.PROTOCOL_VIOLATION, message);
    }

    public String sqlState() {
        return sqlState;
    }

    /** The FATAL ErrorResponse to send to the client before closing the connection. */
    public ErrorResponse toErrorResponse() {
        return ErrorResponse.error("FATAL", sqlState, getMessage());
    }
}
