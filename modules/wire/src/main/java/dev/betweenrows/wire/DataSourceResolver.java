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
}
