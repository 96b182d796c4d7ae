package dev.betweenrows.admin.json;

import jakarta.json.JsonValue;
import java.time.Instant;

/** One immutable policy version; {@code snapshot} only on the single-version view. */
public record PolicyVersionDto(String policyId, long version, String changeType, Instant createdAt, String createdBy, JsonValue snapshot) {}
