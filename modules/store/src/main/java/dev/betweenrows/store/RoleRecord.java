package dev.betweenrows.store;

import dev.betweenrows.policy.Role;

import java.time.Instant;

/** A stored role; {@code description} may be {@code null}. */
public record RoleRecord(String id, String name, String description, boolean active, Instant createdAt,
                         Instant updatedAt) {
    public Role toRole() {
        return new Role(id, name, active);
    }
}
