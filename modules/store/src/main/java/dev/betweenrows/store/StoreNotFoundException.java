package dev.betweenrows.store;

/** The id names nothing in the store (the admin API answers 404). */
public final class StoreNotFoundException extends StoreException {
    public StoreNotFoundException(String entity, String id) {
        super(entity + " not found: " + id);
    }
}
