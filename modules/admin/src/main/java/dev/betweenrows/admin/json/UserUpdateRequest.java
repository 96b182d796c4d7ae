package dev.betweenrows.admin.json;

import jakarta.json.JsonObject;

/**
 * {@code PUT /api/v1/users/{id}}: every field is optional ({@code null} keeps the stored value; an empty
 * email or display name clears it). {@code attributes} replaces the whole map, as in BetweenRows.
 */
public record UserUpdateRequest(Boolean isAdmin, Boolean isActive, String email, String displayName,
                                JsonObject attributes) {}
