package dev.betweenrows.store.derby;

import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Start-up migration: refuse unsafe stores before writing anything; back the store up before the first
 * pending migration of an existing store; on a failed migration put the backup back (Derby's DDL is
 * transactional per statement, not per script) and fail naming the version and the backup.
 */
final class MigrationProtocol {
    private static final Logger LOG = Logger.getLogger(MigrationProtocol.class.getName());

    private MigrationProtocol() {}

    static MigrationReport run(DataSource ds, Path storeDir, StoreOptions options, ModuleMigrationResources resources) {
        Flyway flyway = Migrations.flyway(ds, resources);
        MigrationInfoService info = flyway.info();
        StoreStatus status = Migrations.status(info, resources);
        Migrations.refuseUnsafe(info, status, Backups.newest(options.backupsDir()));
        if (status.pending().isEmpty() || status.schemaVersion() == null) {
            return Migrations.apply(flyway);   // up to date, or a new store: there is nothing to lose
        }
        String from = status.schemaVersion();
        String to = status.pending().getLast().version();
        Path backup = Backups.backup(ds, Backups.preMigrationDir(options.backupsDir(), from, to, Instant.now()));
        LOG.info("backed up the admin store (schema version " + from + ") to " + backup + " before migrating to version " + to);
        Backups.prune(options.backupsDir(), options.backupKeep());
        try {
            return Migrations.apply(flyway);
        } catch (StoreException e) {
            String failed = firstPending(flyway).orElse("?");
            StoreFiles.shutdown(storeDir);
            Path aside = Backups.swapIn(Backups.databaseIn(backup), storeDir, "failed");
            throw new StoreException("admin store migration V" + failed + " failed: " + rootMessage(e)
                    + ". The store was restored from " + backup + " and is unchanged at schema version " + from
                    + " (the previous release still starts on it); the failed attempt is kept at " + aside + ".", e);
        }
    }

    private static java.util.Optional<String> firstPending(Flyway flyway) {
        try {
            var pending = flyway.info().pending();
            return pending.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(pending[0].getVersion().getVersion());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }
}
