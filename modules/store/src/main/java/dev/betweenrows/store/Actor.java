package dev.betweenrows.store;

import java.util.Objects;

/**
 * Who makes a change, recorded in the admin audit. {@link #SYSTEM} is for changes made by BetweenRows
 * itself or its CLI (first-admin seeding, rescue admin).
 */
public record Actor(String userId, String username) {
    public static final Actor SYSTEM = new Actor(null, "system");

    public Actor {
        Objects.requireNonNull(username, "username");
    }
}
