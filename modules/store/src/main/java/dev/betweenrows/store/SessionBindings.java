package dev.betweenrows.store;

import java.util.Optional;

/** Binds a user to a data source: the one rule shared by the data plane and the admin's preview. */
public interface SessionBindings {

    /**
     * The binding of the user to the data source, or empty when the user does not exist or is inactive,
     * the data source does not exist or is inactive, or no access grant reaches the user (directly,
     * through an active role, or to all). The reasons are not told apart, so that callers cannot leak which.
     */
    Optional<SessionBinding> resolve(String userId, String dataSourceId);
}
