package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;

/** Embedded Derby store under {@code <data>/store}, migrated by Flyway when opened. */
public final class DerbyStoreProvider implements StoreProvider {
    @Override
    public AdminStore open(StoreOptions options) {
        return DerbyAdminStore.open(options);
    }
}
