package dev.betweenrows.store;

import dev.betweenrows.policy.Assignment;

import java.time.Instant;

/** A stored assignment with its own id (for update and delete). */
public record AssignmentRecord(String id, Assignment assignment, Instant createdAt, Instant updatedAt) {}
