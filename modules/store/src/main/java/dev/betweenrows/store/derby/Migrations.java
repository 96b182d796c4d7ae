package dev.betweenrows.store.derby;

import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.List;

/** Applies the SQL migrations shipped in this module with Flyway. */
final class Migrations {
    private Migrations() {}

    static MigrationReport migrate(DataSource ds) {
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(ds)
                    .resourceProvider(new ModuleMigrationResources())
                    .table("flyway_schema_history")
                    .validateOnMigrate(true)
                    .load();
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
}
