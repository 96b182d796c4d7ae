package dev.betweenrows.admin.json;

import dev.betweenrows.store.RoleRecord;

import java.time.Instant;

/** A role in lists and after create/update. */
public record RoleSummary(String id, String name, String description, boolean isActive, int directMemberCount,
                          Instant createdAt, Instant updatedAt) {
    public static RoleSummary of(RoleRecord r, int directMemberCount) {
        return new RoleSummary(r.id(), r.name(), r.description(), r.active(), directMemberCount, r.createdAt(),
                r.updatedAt());
    }
}
