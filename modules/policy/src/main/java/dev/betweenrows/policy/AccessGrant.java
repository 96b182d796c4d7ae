package dev.betweenrows.policy;

import java.util.Collection;
import java.util.Set;

/**
 * A data-source access grant (connect permission) for a user, a role (inherited by members of descendant
 * roles, active roles only) or all users. Without a grant a user cannot connect, whatever the policies say.
 */
public record AccessGrant(String dataSourceId, Scope scope, String scopeId) {
    public AccessGrant {
        Checks.nonBlank(dataSourceId, "dataSourceId");
        scopeId = Scope.checkScopeId(scope, scopeId);
    }

    /**
     * Whether any grant lets the user connect to the data source.
     *
     * @param activeRoleIds the user's role closure from {@link RoleGraph#activeRolesOf(String)}
     */
    public static boolean permits(Collection<AccessGrant> grants, String userId, Set<String> activeRoleIds,
                                  String dataSourceId) {
        return grants.stream().anyMatch(g -> g.dataSourceId.equals(dataSourceId)
                && g.scope.covers(g.scopeId, userId, activeRoleIds));
    }
}
