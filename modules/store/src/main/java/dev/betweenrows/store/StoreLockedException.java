package dev.betweenrows.store;

/** Another process holds the store (a second server on the same data directory). */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(String message) {
        super(message);
    }
}
