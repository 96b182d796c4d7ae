package dev.betweenrows.admin.json;

import jakarta.json.JsonObject;

/**
 * {@code POST /api/v1/users}. {@code attributes} (optional) takes typed JSON values ({@code 3}, {@code true},
 * {@code ["a"]}) or BetweenRows' string form ({@code "3"}, {@code "true"}).
 */
public record UserCreateRequest(String username, String password, Boolean isAdmin, String email, String displayName,
                                JsonObject attributes) {
    @Override
    public String toString() {
        return "UserCreateRequest[username=" + username + ", is_admin=" + isAdmin + "]";
    }
}
