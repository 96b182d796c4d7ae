package dev.betweenrows.store;

import dev.betweenrows.policy.Scope;

/**
 * A committed change the data plane must react to. Listeners are called after the commit, on the
 * thread that made the change; they must be quick and must not throw.
 */
public sealed interface StoreChange {

    /** Policies, assignments, catalog, roles, attributes or access changed: drop caches built on an older version. */
    record PolicySetChanged(long version) implements StoreChange {}

    /** The user can no longer sign in: end their sessions. */
    record UserDeactivated(String userId) implements StoreChange {}

    record UserDeleted(String userId) implements StoreChange {}

    /** A connect grant was removed (scope id is {@code null} for scope all): re-check open sessions on the data source. */
    record AccessRevoked(String dataSourceId, Scope scope, String scopeId) implements StoreChange {}

    /** A data source was changed, deactivated or deleted: re-check or end its sessions. */
    record DataSourceChanged(String dataSourceId) implements StoreChange {}
}
