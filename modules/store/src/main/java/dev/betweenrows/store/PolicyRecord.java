package dev.betweenrows.store;

import dev.betweenrows.policy.Policy;

import java.time.Instant;

/** A stored policy (its current version) with description and bookkeeping. */
public record PolicyRecord(Policy policy, String description, String createdBy, String updatedBy,
                           Instant createdAt, Instant updatedAt) {
    public String id() {
        return policy.id();
    }

    public long version() {
        return policy.version();
    }
}
