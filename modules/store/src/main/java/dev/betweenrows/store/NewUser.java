package dev.betweenrows.store;

import java.util.Objects;

/** A user to create. The password is given only as a SCRAM-SHA-256 verifier ({@link Passwords}). */
public record NewUser(String username, String passwordVerifier, boolean admin) {
    public NewUser {
        Usernames.requireValid(username);
        Objects.requireNonNull(passwordVerifier, "passwordVerifier");
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", admin=" + admin + "]";
    }
}
