package dev.betweenrows.store;

import java.time.Instant;

/** Admin audit filters; every field may be {@code null} (no filter). {@code to} is exclusive. */
public record AuditFilter(String entityType, String entityId, String actorId, String action, Instant from,
                          Instant to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
