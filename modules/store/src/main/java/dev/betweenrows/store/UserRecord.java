package dev.betweenrows.store;

import java.time.Instant;

/** A stored user. {@code passwordVerifier} is a SCRAM verifier, never a password; never serialise it. */
public record UserRecord(String id, String username, String passwordVerifier, boolean admin, boolean active,
                         Instant createdAt) {
    @Override
    public String toString() {
        return "UserRecord[id=" + id + ", username=" + username + ", admin=" + admin + ", active=" + active + "]";
    }
}
