package dev.betweenrows.store.derby;

import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.AssignmentRepository;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import io.helidon.dbclient.DbExecute;

import java.util.List;
import java.util.Optional;

/** Assignments; each change also versions the policy it concerns. */
final class DbAssignmentRepository implements AssignmentRepository {
    private final Transactions tx;

    DbAssignmentRepository(Transactions tx) {
        this.tx = tx;
    }

    private DbExecute read() {
        return tx.reader();
    }

    @Override
    public AssignmentRecord create(Assignment a, Actor actor) {
        return tx.run(actor, t -> {
            PolicyRows.get(t.db, a.policyId());
            DbDataSourceRepository.get(t.db, a.dataSourceId());
            requireSubject(t.db, a.scope(), a.scopeId());
            requireUnique(t.db, a.policyId(), a.dataSourceId(), a.scope(), a.scopeId(), "");
            String id = Rows.newId();
            t.db.insert("INSERT INTO br_policy_assignment (id, policy_id, data_source_id, scope, subject_id, priority,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, a.policyId(), a.dataSourceId(), a.scope().jsonName(), Rows.subject(a.scopeId()), a.priority(),
                    Rows.ts(t.now), Rows.ts(t.now));
            PolicyRows.bumpVersion(t, a.policyId());
            PolicyRows.writeVersion(t, a.policyId(), "assign");
            AssignmentRecord created = get(t.db, id);
            t.audit("assign", "policy_assignment", id, null, PolicyRows.json(created));
            t.policySetChanged();
            return created;
        });
    }

    @Override
    public Optional<AssignmentRecord> findById(String id) {
        return find(read(), id);
    }

    @Override
    public List<AssignmentRecord> listByDataSource(String dataSourceId) {
        return PolicyRows.assignments(read(), "WHERE data_source_id = ? ORDER BY priority, created_at, id", dataSourceId);
    }

    @Override
    public List<AssignmentRecord> listByPolicy(String policyId) {
        return PolicyRows.assignments(read(), "WHERE policy_id = ? ORDER BY priority, created_at, id", policyId);
    }

    @Override
    public List<AssignmentRecord> listAll() {
        return PolicyRows.assignments(read(), "ORDER BY data_source_id, priority, created_at, id");
    }

    @Override
    public AssignmentRecord update(String id, Scope scope, String scopeId, int priority, Actor actor) {
        return tx.run(actor, t -> {
            AssignmentRecord before = get(t.db, id);
            Assignment a = new Assignment(before.assignment().policyId(), before.assignment().dataSourceId(),
                    scope, scopeId, priority);
            requireSubject(t.db, scope, scopeId);
            requireUnique(t.db, a.policyId(), a.dataSourceId(), scope, scopeId, id);
            t.db.update("UPDATE br_policy_assignment SET scope = ?, subject_id = ?, priority = ?, updated_at = ?"
                    + " WHERE id = ?", scope.jsonName(), Rows.subject(scopeId), priority, Rows.ts(t.now), id);
            PolicyRows.bumpVersion(t, a.policyId());
            PolicyRows.writeVersion(t, a.policyId(), "reassign");
            AssignmentRecord after = get(t.db, id);
            t.audit("reassign", "policy_assignment", id, PolicyRows.json(before), PolicyRows.json(after));
            t.policySetChanged();
            return after;
        });
    }

    @Override
    public void delete(String id, Actor actor) {
        tx.run(actor, t -> {
            AssignmentRecord before = get(t.db, id);
            t.db.delete("DELETE FROM br_policy_assignment WHERE id = ?", id);
            PolicyRows.bumpVersion(t, before.assignment().policyId());
            PolicyRows.writeVersion(t, before.assignment().policyId(), "unassign");
            t.audit("unassign", "policy_assignment", id, PolicyRows.json(before), null);
            t.policySetChanged();
            return null;
        });
    }

    /** The user or role must exist (there is no foreign key on subject_id). */
    static void requireSubject(DbExecute db, Scope scope, String scopeId) {
        switch (scope) {
            case USER -> DbUserRepository.get(db, scopeId);
            case ROLE -> DbRoleRepository.get(db, scopeId);
            case ALL -> { }
        }
    }

    private static void requireUnique(DbExecute db, String policyId, String dataSourceId, Scope scope, String scopeId,
                                      String exceptId) {
        if (Rows.count(db, "SELECT COUNT(*) FROM br_policy_assignment WHERE policy_id = ? AND data_source_id = ?"
                        + " AND scope = ? AND subject_id = ? AND id <> ?",
                policyId, dataSourceId, scope.jsonName(), Rows.subject(scopeId), exceptId) > 0)
            throw new StoreConflictException("the policy is already assigned to that " + scope.jsonName()
                    + " on this data source");
    }

    private static Optional<AssignmentRecord> find(DbExecute db, String id) {
        List<AssignmentRecord> found = PolicyRows.assignments(db, "WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static AssignmentRecord get(DbExecute db, String id) {
        return find(db, id).orElseThrow(() -> new StoreNotFoundException("assignment", id));
    }
}
