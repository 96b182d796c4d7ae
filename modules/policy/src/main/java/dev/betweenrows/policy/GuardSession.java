package dev.betweenrows.policy;

/**
 * The session a statement comes from, as the wire holds it. The wire replaces {@code policies} and
 * {@code catalog} when the store reports a change (within 1 s), so the guard always sees current ones.
 *
 * @param sessionId  the wire's session id (see {@link SessionRegistry})
 * @param user       the authenticated user with attribute values
 * @param dataSource the data source the session is connected to
 * @param policies   the user's effective policies on that data source
 * @param catalog    the data source's catalog allowlist
 */
public record GuardSession(long sessionId, UserContext user, DataSourceRef dataSource,
                           EffectivePolicies policies, CatalogSnapshot catalog) {
    public GuardSession {
        Checks.required(user, "user");
        Checks.required(dataSource, "dataSource");
        Checks.required(policies, "policies");
        Checks.required(catalog, "catalog");
        if (!policies.dataSource().id().equals(dataSource.id()) || !catalog.dataSourceId().equals(dataSource.id()))
            throw new IllegalArgumentException("policies and catalog must belong to the session's data source");
    }
}
