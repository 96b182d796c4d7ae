package dev.betweenrows.store;

/** The audit cannot take more records right now; statements must be refused rather than run unaudited. */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message) {
        super(message);
    }
}
