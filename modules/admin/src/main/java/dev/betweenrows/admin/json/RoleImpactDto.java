package dev.betweenrows.admin.json;

/** What deleting a role takes (or took) away. */
public record RoleImpactDto(int affectedUsers, int affectedAssignments, int affectedGrants) {}
