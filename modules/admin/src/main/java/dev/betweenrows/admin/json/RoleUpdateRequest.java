package dev.betweenrows.admin.json;

/** {@code PUT /api/v1/roles/{id}}: every field optional ({@code null} keeps; an empty description clears it). */
public record RoleUpdateRequest(String name, String description, Boolean isActive) {}
