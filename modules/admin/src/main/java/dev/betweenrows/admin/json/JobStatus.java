package dev.betweenrows.admin.json;

import jakarta.json.JsonValue;
import java.time.Instant;

/** A discovery job: status is {@code running}, {@code completed}, {@code failed} or {@code cancelled}. */
public record JobStatus(String jobId, String action, String status, JsonValue result, String error, Instant createdAt,
                        Instant finishedAt) {}
