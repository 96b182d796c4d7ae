package dev.betweenrows.wire.upstream;

/**
 * The upstream server could not be reached, refused the proxy, or broke the protocol. The message is for the
 * proxy's log only (it may name the host); clients only ever see {@link #CLIENT_MESSAGE}.
 */
public final class UpstreamException extends Exception {
    private static final long serialVersionUID = 1L;

    /** SQLSTATE connection_failure. */
    public static final String SQLSTATE = "08006";
    /** What the client is told: names no host, port, database or role. */
    public static final String CLIENT_MESSAGE = "could not connect to the data source";

    public UpstreamException(String logMessage) {
        super(logMessage);
    }

    public UpstreamException(String logMessage, Throwable cause) {
        super(logMessage, cause);
    }
}
