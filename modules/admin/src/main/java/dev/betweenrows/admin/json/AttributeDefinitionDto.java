package dev.betweenrows.admin.json;

import java.time.Instant;
import java.util.List;

/** An attribute definition; {@code default_value} is typed (string, integer, boolean or list) or null. */
public record AttributeDefinitionDto(String id, String key, String entityType, String displayName, String valueType,
                                     Object defaultValue, List<String> allowedValues, String description,
                                     Instant createdAt, Instant updatedAt) {}
