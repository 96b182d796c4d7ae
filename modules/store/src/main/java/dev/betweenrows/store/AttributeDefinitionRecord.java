package dev.betweenrows.store;

import dev.betweenrows.policy.AttributeDefinition;

import java.time.Instant;

/** A stored attribute definition with its descriptive fields ({@code entityType} is {@code user}). */
public record AttributeDefinitionRecord(String id, AttributeDefinition definition, String entityType,
                                        String displayName, String description, Instant createdAt,
                                        Instant updatedAt) {
    public String key() {
        return definition.key();
    }
}
