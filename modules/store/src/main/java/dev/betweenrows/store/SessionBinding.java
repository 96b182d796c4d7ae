package dev.betweenrows.store;

import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.UserContext;

import java.util.Objects;

/**
 * Everything a statement check needs about one user on one data source, read from the store at one
 * moment: the user with attribute values, the data source, the user's effective policies there, and the
 * data source's catalog allowlist. The data plane builds a session from it; the admin preview checks a
 * statement against it exactly as the data plane would.
 */
public record SessionBinding(UserContext user, DataSourceRef dataSource, EffectivePolicies policies,
                             CatalogSnapshot catalog) {
    public SessionBinding {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(catalog, "catalog");
    }
}
