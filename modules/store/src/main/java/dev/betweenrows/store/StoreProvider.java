package dev.betweenrows.store;

import java.util.ServiceLoader;

/** Opens the admin store. Implementations are bound with {@code provides ... with}. */
public interface StoreProvider {

    /** Opens (creating if needed) the store and applies pending migrations. */
    AdminStore open(StoreOptions options);

    /** The provider shipped in the runtime image. */
    static StoreProvider load() {
        return ServiceLoader.load(StoreProvider.class).findFirst()
                .orElseThrow(() -> new StoreException("no admin store implementation on the module path"));
    }
}
