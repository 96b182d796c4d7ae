package dev.betweenrows.admin.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A policy; {@code assignments} only on the single-policy view ({@code null} in lists). */
public record PolicyDto(String id, String name, String policyType, String description, boolean isEnabled,
                        List<TargetDto> targets, Map<String, String> definition, long version, String createdBy,
                        String updatedBy, Instant createdAt, Instant updatedAt, int assignmentCount,
                        List<AssignmentDto> assignments) {}
