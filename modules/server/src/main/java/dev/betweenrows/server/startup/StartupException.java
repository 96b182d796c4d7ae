package dev.betweenrows.server.startup;

/** Start-up cannot continue; the message says why and what to do, and never holds a secret. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
