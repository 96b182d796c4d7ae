package dev.betweenrows.store;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens the admin store. Implementations are bound with {@code provides ... with}. */
public interface StoreProvider {

    /** Opens (creating if needed) the store and applies pending migrations. */
    AdminStore open(StoreOptions options);

    /**
     * The schema state without migrating or creating anything. Refused with {@link StoreLockedException}
     * while another process holds the store.
     */
    StoreStatus status(StoreOptions options);

    /**
     * A consistent copy of a store no process holds (offline backup) into {@code targetDir} (created; must be
     * empty). Returns the directory that {@link #restore} accepts. Does not migrate.
     */
    Path backup(StoreOptions options, Path targetDir);

    /**
     * Replaces the store with a backup (offline only: {@link StoreLockedException} while a process holds it).
     * The backup is first booted in a temporary copy; the replaced store is kept as
     * {@code <data>/store.replaced-<timestamp>}, whose path is returned ({@code null} when there was none).
     */
    Path restore(StoreOptions options, Path backupDir);

    /** The provider shipped in the runtime image. */
    static StoreProvider load() {
        return ServiceLoader.load(StoreProvider.class).findFirst()
                .orElseThrow(() -> new StoreException("no admin store implementation on the module path"));
    }
}
