package dev.betweenrows.admin.json;

import java.time.Instant;

/** A policy assignment. */
public record AssignmentDto(String id, String policyId, String policyName, String dataSourceId, String scope, String userId,
                            String roleId, int priority, Instant createdAt, Instant updatedAt) {}
