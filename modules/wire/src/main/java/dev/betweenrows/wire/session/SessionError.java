package dev.betweenrows.wire.session;

import dev.betweenrows.wire.message.ErrorResponse;

/**
 * An error the session reports to the client. FATAL ones end the connection after the ErrorResponse is
 * flushed; the message must name nothing the client may not know.
 */
final class SessionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    SessionError(String sqlState, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }

    ErrorResponse toFatal() {
        return ErrorResponse.error("FATAL", sqlState, getMessage());
    }

    static SessionError tooManyConnections() {
        return new SessionError("53300", "sorry, too many clients already");
    }

    static SessionError databaseDoesNotExist(String database) {
        return new SessionError("3D000", "database \"" + database + "\" does not exist");
    }

    static SessionError adminShutdown() {
        return new SessionError("57P01", "terminating connection due to administrator command");
    }

    /** The user was deactivated, lost the grant, or the data source is gone. */
    static SessionError accessRevoked() {
        return new SessionError("57P01", "terminating connection because access to this database was revoked");
    }

    static SessionError idleTimeout() {
        return new SessionError("57P05", "terminating connection due to idle-session timeout");
    }
}
