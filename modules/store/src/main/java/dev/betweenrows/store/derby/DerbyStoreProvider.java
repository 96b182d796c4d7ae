package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.StoreStatus;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.api.FlywayException;

import java.nio.file.Path;
import java.util.List;

/** Embedded Derby store under {@code <data>/store}, migrated by Flyway when opened. */
public final class DerbyStoreProvider implements StoreProvider {
    @Override
    public AdminStore open(StoreOptions options) {
        return DerbyAdminStore.open(options);
    }

    @Override
    public StoreStatus status(StoreOptions options) {
        return status(options, new ModuleMigrationResources());
    }

    static StoreStatus status(StoreOptions options, ModuleMigrationResources resources) {
        Path dir = options.storeDir().toAbsolutePath().normalize();
        try (StoreFiles.Lock ignored = StoreFiles.lock(dir)) {
            if (!StoreFiles.exists(dir)) {
                // no store yet: report what a first start would apply, without creating anything
                return new StoreStatus(null, Migrations.latestKnown(resources), resources.versions().stream()
                        .map(v -> new StoreStatus.Step(v, "")).toList(), List.of());
            }
            EmbeddedDataSource ds = StoreFiles.dataSource(dir, false);
            StoreFiles.checkBoots(ds, dir);
            try {
                return Migrations.status(Migrations.flyway(ds, resources).info(), resources);
            } catch (FlywayException e) {
                throw new StoreException("cannot read the admin store schema: " + e.getMessage(), e);
            } finally {
                StoreFiles.shutdown(dir);
            }
        }
    }

    @Override
    public Path backup(StoreOptions options, Path targetDir) {
        Path dir = options.storeDir().toAbsolutePath().normalize();
        try (StoreFiles.Lock ignored = StoreFiles.lock(dir)) {
            if (!StoreFiles.exists(dir)) throw new StoreException("there is no admin store in " + dir);
            EmbeddedDataSource ds = StoreFiles.dataSource(dir, false);
            StoreFiles.checkBoots(ds, dir);
            try {
                return Backups.backup(ds, targetDir.toAbsolutePath().normalize());
            } finally {
                StoreFiles.shutdown(dir);
            }
        }
    }

    @Override
    public Path restore(StoreOptions options, Path backupDir) {
        Path dir = options.storeDir().toAbsolutePath().normalize();
        Path database = Backups.databaseIn(backupDir);
        try (StoreFiles.Lock ignored = StoreFiles.lock(dir)) {
            Backups.verify(database);
            return Backups.swapIn(database, dir, "replaced");
        }
    }
}
