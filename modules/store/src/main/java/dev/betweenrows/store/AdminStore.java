package dev.betweenrows.store;

/** The open admin store: repositories over one embedded database. */
public interface AdminStore extends AutoCloseable {

    /** What start-up did to the schema (applied migrations, versions). */
    MigrationReport migrationReport();

    UserRepository users();

    /** True when a trivial query against the store succeeds. */
    boolean isHealthy();

    /** Shuts the embedded database down cleanly; idempotent. */
    @Override
    void close();
}
