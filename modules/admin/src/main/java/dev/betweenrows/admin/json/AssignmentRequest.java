package dev.betweenrows.admin.json;

/**
 * Assign a policy on a data source (BetweenRows' shape). {@code scope} may be omitted: role_id → role,
 * user_id → user, else all. On update only scope, subject and priority change.
 */
public record AssignmentRequest(String policyId, String userId, String roleId, String scope, Integer priority) {}
