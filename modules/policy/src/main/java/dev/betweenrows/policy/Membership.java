package dev.betweenrows.policy;

/** A user's direct membership in a role. */
public record Membership(String userId, String roleId) {
    public Membership {
        Checks.nonBlank(userId, "userId");
        Checks.nonBlank(roleId, "roleId");
    }
}
