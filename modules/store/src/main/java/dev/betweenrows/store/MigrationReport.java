package dev.betweenrows.store;

import java.util.List;

/**
 * The schema versions before and after start-up and the migrations applied in between.
 * {@code fromVersion} is {@code null} for a new store.
 */
public record MigrationReport(String fromVersion, String toVersion, List<AppliedMigration> applied) {
    public MigrationReport {
        applied = List.copyOf(applied);
    }

    /** One applied migration, as logged at start-up. */
    public record AppliedMigration(String version, String description, long millis) {}
}
