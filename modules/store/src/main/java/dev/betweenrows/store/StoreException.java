package dev.betweenrows.store;

/** The admin store could not do what was asked; the message is safe to log (no secrets). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
