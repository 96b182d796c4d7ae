package dev.betweenrows.wire;

import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.UserContext;
import java.util.Objects;

/**
 * What a session needs about its user and data source to build the {@code GuardSession} every statement
 * is checked with, and where its upstream PostgreSQL is. The session refuses a binding whose user is not the
 * authenticated one.
 *
 * @param upstream the data source's upstream server; null = none configured (forwarded statements then fail
 *                 with 08006)
 */
public record DataSourceBinding(UserContext user, DataSourceRef dataSource, EffectivePolicies policies,
                                CatalogSnapshot catalog, UpstreamTarget upstream) {
    public DataSourceBinding {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(catalog, "catalog");
    }

    /** Without an upstream. */
    public DataSourceBinding(UserContext user, DataSourceRef dataSource, EffectivePolicies policies,
                             CatalogSnapshot catalog) {
        this(user, dataSource, policies, catalog, null);
    }
}
