package dev.betweenrows.store.derby;

import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Flyway over the SQL migrations shipped in this module. Nothing is left to Flyway's defaults where safety
 * depends on it: future (unknown) and missing migrations are not ignored, checksums are validated, and
 * {@link #refuseUnsafe} names the problem before anything is written.
 */
final class Migrations {
    private Migrations() {}

    static Flyway flyway(DataSource ds, ModuleMigrationResources resources) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .resourceProvider(resources)
                .table("flyway_schema_history")
                .validateOnMigrate(true)
                .ignoreMigrationPatterns(new String[0])   // the default ignores "*:future": a downgrade must fail
                .outOfOrder(false)
                .cleanDisabled(true)
                .load();
    }

    static StoreStatus status(MigrationInfoService info, ModuleMigrationResources resources) {
        MigrationInfo current = info.current();
        List<StoreStatus.Step> pending = Arrays.stream(info.pending())
                .map(m -> new StoreStatus.Step(m.getVersion().getVersion(), m.getDescription())).toList();
        List<String> unknown = Arrays.stream(info.all())
                .filter(m -> isUnknown(m.getState()))
                .map(m -> m.getVersion().getVersion()).toList();
        return new StoreStatus(current == null ? null : current.getVersion().getVersion(), latestKnown(resources),
                pending, unknown);
    }

    static String latestKnown(ModuleMigrationResources resources) {
        return resources.versions().stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion).orElse(null);
    }

    /**
     * Refuses a store this binary must not migrate: one a newer release ran on (downgrade), one whose
     * applied migrations differ from the shipped files (checksum drift), or one with a failed migration.
     */
    static void refuseUnsafe(MigrationInfoService info, StoreStatus status, Optional<Path> newestBackup) {
        if (!status.unknownApplied().isEmpty()) {
            throw new StoreException("refusing to start: the admin store is at schema version " + status.schemaVersion()
                    + " (applied migrations this release does not know: " + String.join(", ", status.unknownApplied())
                    + "), but this release only knows up to version " + status.latestKnown()
                    + ". A newer BetweenRows ran on this store; downgrades are not supported. Run the newer release, or stop"
                    + " and restore the backup taken before that upgrade"
                    + newestBackup.map(p -> " (newest: " + p + ") with 'betweenrows restore --from " + p + "'")
                            .orElse(" ('betweenrows restore --from DIR')")
                    + ". Nothing was changed.");
        }
        for (MigrationInfo m : info.all()) {
            if (m.getState() == MigrationState.SUCCESS && !m.isChecksumMatching()) {
                throw new StoreException("refusing to start: migration V" + m.getVersion() + " (" + m.getDescription()
                        + ") was applied with checksum " + m.getAppliedChecksum() + " but this release ships checksum "
                        + m.getResolvedChecksum() + ": the migration file changed after it ran (checksum drift)."
                        + " Nothing was changed.");
            }
            if (m.getState().isFailed()) {
                throw new StoreException("refusing to start: migration V" + m.getVersion() + " is recorded as failed"
                        + " in the admin store; restore a backup. Nothing was changed.");
            }
        }
    }

    static MigrationReport apply(Flyway flyway) {
        try {
            MigrateResult result = flyway.migrate();
            List<MigrationReport.AppliedMigration> applied = result.migrations.stream()
                    .map(m -> new MigrationReport.AppliedMigration(m.version, m.description, m.executionTime))
                    .toList();
            String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new MigrationReport(result.initialSchemaVersion, to, applied);
        } catch (FlywayException e) {
            throw new StoreException("admin store migration failed: " + e.getMessage(), e);
        }
    }

    private static boolean isUnknown(MigrationState state) {
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED
                || state == MigrationState.MISSING_SUCCESS || state == MigrationState.MISSING_FAILED;
    }
}
