package dev.betweenrows.admin.json;

import dev.betweenrows.store.UserRecord;

import java.time.Instant;
import java.util.Map;

/** One user with typed attribute values (string, integer, boolean, list of strings); never the verifier. */
public record UserDetail(String id, String username, String email, String displayName, boolean isAdmin,
                         boolean isActive, Instant createdAt, Instant updatedAt, Instant lastLoginAt,
                         Map<String, Object> attributes) {
    public static UserDetail of(UserRecord u, Map<String, Object> attributes) {
        return new UserDetail(u.id(), u.username(), u.email(), u.displayName(), u.admin(), u.active(),
                u.createdAt(), u.updatedAt(), u.lastLoginAt(), attributes);
    }
}
