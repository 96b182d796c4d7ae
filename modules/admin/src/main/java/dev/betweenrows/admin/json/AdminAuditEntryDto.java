package dev.betweenrows.admin.json;

import jakarta.json.JsonValue;
import java.time.Instant;

/** An admin audit row; {@code changes} is {@code {before, after}} (secrets never recorded). */
public record AdminAuditEntryDto(String id, long seq, Instant createdAt, String actorId, String actorName, String action,
                                 String resourceType, String resourceId, JsonValue changes) {}
