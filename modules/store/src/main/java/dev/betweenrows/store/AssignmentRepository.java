package dev.betweenrows.store;

import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;

import java.util.List;
import java.util.Optional;

/**
 * Policy assignments. Each change also raises the policy's version (a concurrent policy edit then gets a
 * conflict, as in BetweenRows) and bumps the policy-set version.
 */
public interface AssignmentRepository {

    /** {@link StoreConflictException} for a duplicate (same policy, data source, scope and subject). */
    AssignmentRecord create(Assignment assignment, Actor actor);

    Optional<AssignmentRecord> findById(String id);

    List<AssignmentRecord> listByDataSource(String dataSourceId);

    List<AssignmentRecord> listByPolicy(String policyId);

    List<AssignmentRecord> listAll();

    /** Changes scope, subject and priority in place (BetweenRows had no update). */
    AssignmentRecord update(String id, Scope scope, String scopeId, int priority, Actor actor);

    void delete(String id, Actor actor);
}
