package dev.betweenrows.store;

import dev.betweenrows.policy.AttributeDefinition;

import java.util.List;
import java.util.Optional;

/** User-attribute definitions (entity type {@code user}). Every change bumps the policy-set version. */
public interface AttributeDefinitionRepository {

    AttributeDefinitionRecord create(AttributeDefinition definition, String displayName, String description, Actor actor);

    Optional<AttributeDefinitionRecord> findByKey(String key);

    /** All definitions ordered by key. */
    List<AttributeDefinitionRecord> list();

    /** Replaces type, default, allowed values and texts; the key cannot change. */
    AttributeDefinitionRecord update(String key, AttributeDefinition definition, String displayName,
                                     String description, Actor actor);

    AttributeReferences references(String key);

    /**
     * Deletes a definition. Without {@code force}, refused with {@link StoreConflictException} while a
     * policy or a user uses the key. A forced delete removes the users' values; the referencing
     * policies stay and fail closed when bound (the key is no longer defined).
     */
    AttributeReferences delete(String key, boolean force, Actor actor);
}
