package dev.betweenrows.store;

import java.time.Instant;

/**
 * An immutable snapshot of a policy after a change. {@code changeType} is {@code create}, {@code update},
 * {@code delete}, {@code assign}, {@code reassign} or {@code unassign}; {@code snapshotJson} holds
 * name, policy_type, description, is_enabled, targets, definition and assignments.
 */
public record PolicyVersion(String policyId, long version, String changeType, String snapshotJson,
                            Instant createdAt, String createdBy) {}
