package dev.betweenrows.wire;

import dev.betweenrows.store.UserRecord;
import java.util.Optional;

/**
 * Maps an authenticated user and the startup {@code database} parameter to the data source the session
 * will use. Until data sources live in the store, the server supplies {@link #NONE} and every connection
 * ends with FATAL 3D000; tests supply resolvers that accept a test name.
 */
@FunctionalInterface
public interface DataSourceResolver {
    /** Refuses every database name. */
    DataSourceResolver NONE = (user, database) -> Optional.empty();

    /**
     * The session's binding, or empty when the data source is unknown, inactive or not granted to the user.
     * The client sees the same {@code database "x" does not exist} for all three, so callers must not
     * distinguish them in any observable way (timing included, as far as practical). Must be thread-safe.
     */
    Optional<DataSourceBinding> resolve(UserRecord user, String database);

    /**
     * A number that changes whenever anything a binding is built from may have changed (users, grants, policies,
     * assignments, attributes, catalogs, data sources). Sessions compare it before each statement and every
     * {@value #REFRESH_MILLIS} ms; when it moved they re-resolve their binding (and end when the user or the access
     * is gone). Must be cheap (a volatile read) and thread-safe. The default never changes: bindings are fixed.
     */
    default long version() {
        return 0L;
    }

    /** How often idle sessions look at {@link #version()}. */
    long REFRESH_MILLIS = 500;
}
