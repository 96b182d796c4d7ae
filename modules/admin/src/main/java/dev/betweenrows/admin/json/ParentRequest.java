package dev.betweenrows.admin.json;

/** {@code POST /api/v1/roles/{id}/parents}. */
public record ParentRequest(String parentRoleId) {}
