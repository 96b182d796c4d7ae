package dev.betweenrows.policy;

/**
 * An inheritance edge: members of {@code childRoleId} also get what is assigned to {@code parentRoleId}.
 */
public record RoleEdge(String childRoleId, String parentRoleId) {
    public RoleEdge {
        Checks.nonBlank(childRoleId, "childRoleId");
        Checks.nonBlank(parentRoleId, "parentRoleId");
    }
}
