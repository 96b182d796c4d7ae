package dev.betweenrows.store;

/**
 * The change clashes with the stored state: a duplicate name, a stale optimistic version, a role cycle,
 * something still in use. The admin API answers it with 409 (or 422 where BetweenRows did).
 */
public class StoreConflictException extends StoreException {
    public StoreConflictException(String message) {
        super(message);
    }
}
