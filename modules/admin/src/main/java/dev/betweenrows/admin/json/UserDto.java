package dev.betweenrows.admin.json;

import dev.betweenrows.store.UserRecord;

import java.time.Instant;

/** A user as the API shows it: never the password verifier. */
public record UserDto(String id, String username, String email, String displayName, boolean isAdmin, boolean isActive,
                      Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
    public static UserDto of(UserRecord u) {
        return new UserDto(u.id(), u.username(), u.email(), u.displayName(), u.admin(), u.active(),
                u.createdAt(), u.updatedAt(), u.lastLoginAt());
    }
}
