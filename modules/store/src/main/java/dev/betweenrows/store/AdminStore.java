package dev.betweenrows.store;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The open admin store: repositories over one embedded database. */
public interface AdminStore extends AutoCloseable {

    /** What start-up did to the schema (applied migrations, versions). */
    MigrationReport migrationReport();

    UserRepository users();

    RoleRepository roles();

    AttributeDefinitionRepository attributes();

    DataSourceRepository dataSources();

    CatalogRepository catalog();

    PolicyRepository policies();

    AssignmentRepository assignments();

    AdminAuditRepository audit();

    /** The data-plane (query and login) audit. */
    QueryAuditRepository queryAudit();

    /** Binds users to data sources (grants, effective policies, catalog) for the data plane and the preview. */
    SessionBindings bindings();

    /**
     * The policy-set version: raised on every committed change to policies, assignments, catalog, roles,
     * memberships, attributes, access grants or data sources. Caches keyed by it are invalidated by a change.
     */
    long policySetVersion();

    /**
     * Calls {@code listener} after each commit that the data plane must see. Returns a handle that
     * removes the listener when closed.
     */
    Subscription addListener(Consumer<StoreChange> listener);

    /** A listener registration; closing it removes the listener. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * An online, consistent backup (Derby's backup procedure; writers wait while it runs) into
     * {@code targetDir} (created; must be empty). Returns the directory that a restore accepts.
     */
    Path backup(Path targetDir);

    /**
     * Runs {@code work} — any number of repository calls on this thread — in ONE transaction: all of it
     * commits, or none of it. Each repository call still writes its admin-audit rows; one more row
     * {@code action}/{@code store} closes the unit. Listeners hear of the changes after the commit.
     */
    <T> T atomically(Actor actor, String action, Supplier<T> work);

    /** True when a trivial query against the store succeeds. */
    boolean isHealthy();

    /** Shuts the embedded database down cleanly; idempotent. */
    @Override
    void close();
}
