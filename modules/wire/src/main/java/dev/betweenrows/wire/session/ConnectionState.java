package dev.betweenrows.wire.session;

/** Where one client connection is in its life. Moves forward only (READY and IN_QUERY alternate). */
enum ConnectionState {
    /** Waiting for SSLRequest/GSSENCRequest/CancelRequest/StartupMessage. */
    AWAIT_STARTUP,
    /** StartupMessage accepted; the SCRAM exchange and data-source check run. */
    AUTHENTICATING,
    /** ReadyForQuery sent; waiting for the next message. */
    READY,
    /** A statement is being decided and answered. */
    IN_QUERY,
    /** The socket is closed or closing; nothing more is read or written. */
    CLOSED
}
