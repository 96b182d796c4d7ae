package dev.betweenrows.store;

import java.time.Instant;

/**
 * A stored user. {@code passwordVerifier} is a SCRAM verifier, never a password; never serialise it.
 * {@code email}, {@code displayName}, {@code updatedAt} and {@code lastLoginAt} may be {@code null}.
 */
public record UserRecord(String id, String username, String passwordVerifier, boolean admin, boolean active,
                         String email, String displayName, Instant createdAt, Instant updatedAt,
                         Instant lastLoginAt) {

    /** The short form used before profiles existed (kept for callers that only need sign-in data). */
    public UserRecord(String id, String username, String passwordVerifier, boolean admin, boolean active,
                      Instant createdAt) {
        this(id, username, passwordVerifier, admin, active, null, null, createdAt, createdAt, null);
    }

    /** The editable part of this user. */
    public UserProfile profile() {
        return new UserProfile(email, displayName, admin, active);
    }

    @Override
    public String toString() {
        return "UserRecord[id=" + id + ", username=" + username + ", admin=" + admin + ", active=" + active + "]";
    }
}
