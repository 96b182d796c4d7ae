package dev.betweenrows.admin.json;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/roles/{id}}: BetweenRows' detail shape. */
public record RoleDetail(String id, String name, String description, boolean isActive, int directMemberCount,
                         int effectiveMemberCount, List<RoleMember> members, List<RoleRef> parentRoles,
                         List<RoleRef> childRoles, List<RoleAssignment> policyAssignments,
                         List<RoleAccess> datasourceAccess, Instant createdAt, Instant updatedAt) {

    /** A direct member. */
    public record RoleMember(String id, String username) {}

    /** A parent or child role. */
    public record RoleRef(String id, String name, boolean isActive) {}

    /** A policy assigned to this role ("direct") or to an ancestor ("inherited from 'x'"). */
    public record RoleAssignment(String assignmentId, String policyId, String policyName, String datasourceId,
                                 String datasourceName, String source, int priority) {}

    /** A data-source connect grant to this role or an ancestor. */
    public record RoleAccess(String datasourceId, String datasourceName, String source) {}
}
