package dev.betweenrows.admin.json;

/** {@code POST /api/v1/roles}. */
public record RoleCreateRequest(String name, String description) {}
