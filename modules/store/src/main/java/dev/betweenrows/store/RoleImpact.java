package dev.betweenrows.store;

/** What deleting a role took away: users who had it (directly or through child roles) and its assignments. */
public record RoleImpact(int affectedUsers, int affectedAssignments, int affectedGrants) {}
