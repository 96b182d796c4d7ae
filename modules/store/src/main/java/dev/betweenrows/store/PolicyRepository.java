package dev.betweenrows.store;

import java.util.List;
import java.util.Optional;

/**
 * Policies with optimistic versions and immutable history: every change (including assignment changes)
 * raises the version by one and writes a {@link PolicyVersion}; history outlives a deleted policy.
 */
public interface PolicyRepository {

    /** Creates at version 1. Names are unique ({@link StoreConflictException}). */
    PolicyRecord create(PolicyDraft draft, Actor actor);

    Optional<PolicyRecord> findById(String id);

    Optional<PolicyRecord> findByName(String name);

    /** All policies ordered by name. */
    List<PolicyRecord> list();

    /** Replaces the content; {@link StoreConflictException} when the stored version is not {@code expectedVersion}. */
    PolicyRecord update(String id, long expectedVersion, PolicyDraft draft, Actor actor);

    /** Deletes the policy and its assignments; {@link StoreConflictException} on a version mismatch. */
    void delete(String id, long expectedVersion, Actor actor);

    /** The history of a policy, oldest first (also after it was deleted). */
    List<PolicyVersion> versions(String policyId);

    /** Policies whose expression contains {@code {user.<key>}}. */
    List<PolicyRecord> referencing(String attributeKey);
}
