package dev.betweenrows.policy;

/**
 * A policy assigned on a data source to a user, a role (and through role inheritance to the members of
 * its descendant roles) or everyone. Lower priority numbers win (default {@value #DEFAULT_PRIORITY}).
 * When one policy reaches a user through several assignments, the best one counts: lowest priority,
 * then the scope order of {@link Scope}.
 *
 * @param policyId     the policy
 * @param dataSourceId the data source
 * @param scope        user, role or all
 * @param scopeId      the user id or role id; {@code null} exactly when the scope is {@code all}
 * @param priority     lower wins
 */
public record Assignment(String policyId, String dataSourceId, Scope scope, String scopeId, int priority) {
    public static final int DEFAULT_PRIORITY = 100;

    public Assignment {
        Checks.nonBlank(policyId, "policyId");
        Checks.nonBlank(dataSourceId, "dataSourceId");
        scopeId = Scope.checkScopeId(scope, scopeId);
    }

    /** Whether this assignment reaches the user (any data source). */
    public boolean covers(String userId, java.util.Set<String> activeRoleIds) {
        return scope.covers(scopeId, userId, activeRoleIds);
    }
}
