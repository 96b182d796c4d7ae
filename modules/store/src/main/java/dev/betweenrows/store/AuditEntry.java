package dev.betweenrows.store;

import java.time.Instant;

/**
 * One admin audit row. {@code beforeJson}/{@code afterJson} are JSON objects (or {@code null}) that
 * never contain password verifiers or data-source passwords. {@code seq} orders rows.
 */
public record AuditEntry(String id, long seq, Instant occurredAt, String actorId, String actorName,
                         String action, String entityType, String entityId, String beforeJson,
                         String afterJson) {}
