package dev.betweenrows.wire;

import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.UserContext;
import java.util.Objects;

/**
 * What a session needs about its user and data source to build the {@code GuardSession} every statement
 * is checked with. The session refuses a binding whose user is not the authenticated one.
 */
public record DataSourceBinding(UserContext user, DataSourceRef dataSource, EffectivePolicies policies,
                                CatalogSnapshot catalog) {
    public DataSourceBinding {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(catalog, "catalog");
    }
}
