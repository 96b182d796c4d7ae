package dev.betweenrows.store.derby;

import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.PolicyRepository;
import dev.betweenrows.store.PolicyVersion;
import dev.betweenrows.store.StoreConflictException;
import io.helidon.dbclient.DbExecute;

import java.util.List;
import java.util.Optional;

/** Policies with optimistic versions; each change writes a {@code br_policy_version} row in its transaction. */
final class DbPolicyRepository implements PolicyRepository {
    private final Transactions tx;

    DbPolicyRepository(Transactions tx) {
        this.tx = tx;
    }

    private DbExecute read() {
        return tx.reader();
    }

    @Override
    public PolicyRecord create(PolicyDraft draft, Actor actor) {
        return tx.run(actor, t -> {
            requireFreeName(t.db, draft.name(), "");
            String id = Rows.newId();
            Policy p = draft.toPolicy(id, 1);
            t.db.insert("INSERT INTO br_policy (id, name, policy_type, description, is_enabled, targets_json,"
                            + " definition_json, version, created_by, updated_by, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, p.name(), p.type().jsonName(), draft.description(), p.enabled(),
                    Json.write(Json.targets(p.targets())), PolicyRows.definitionJson(p), 1L,
                    actor.username(), actor.username(), Rows.ts(t.now), Rows.ts(t.now));
            PolicyRows.writeVersion(t, id, "create");
            PolicyRecord created = PolicyRows.get(t.db, id);
            t.audit("create", "policy", id, null, PolicyRows.json(created));
            t.policySetChanged();
            return created;
        });
    }

    @Override
    public Optional<PolicyRecord> findById(String id) {
        return PolicyRows.find(read(), id);
    }

    @Override
    public Optional<PolicyRecord> findByName(String name) {
        return Rows.one(read(), PolicyRows::toPolicy, PolicyRows.POLICY_COLUMNS + " WHERE name = ?", name);
    }

    @Override
    public List<PolicyRecord> list() {
        return Rows.list(read(), PolicyRows::toPolicy, PolicyRows.POLICY_COLUMNS + " ORDER BY name");
    }

    @Override
    public PolicyRecord update(String id, long expectedVersion, PolicyDraft draft, Actor actor) {
        return tx.run(actor, t -> {
            PolicyRecord before = PolicyRows.get(t.db, id);
            requireVersion(before, expectedVersion);
            requireFreeName(t.db, draft.name(), id);
            Policy p = draft.toPolicy(id, expectedVersion + 1);
            long changed = t.db.update("UPDATE br_policy SET name = ?, policy_type = ?, description = ?, is_enabled = ?,"
                            + " targets_json = ?, definition_json = ?, version = ?, updated_by = ?, updated_at = ?"
                            + " WHERE id = ? AND version = ?",
                    p.name(), p.type().jsonName(), draft.description(), p.enabled(), Json.write(Json.targets(p.targets())),
                    PolicyRows.definitionJson(p), p.version(), actor.username(), Rows.ts(t.now), id, expectedVersion);
            if (changed != 1) throw conflict(expectedVersion);   // a concurrent writer got there first
            PolicyRows.writeVersion(t, id, "update");
            PolicyRecord after = PolicyRows.get(t.db, id);
            t.audit("update", "policy", id, PolicyRows.json(before), PolicyRows.json(after));
            t.policySetChanged();
            return after;
        });
    }

    @Override
    public void delete(String id, long expectedVersion, Actor actor) {
        tx.run(actor, t -> {
            PolicyRecord before = PolicyRows.get(t.db, id);
            requireVersion(before, expectedVersion);
            if (t.db.update("UPDATE br_policy SET version = version + 1, updated_by = ?, updated_at = ?"
                    + " WHERE id = ? AND version = ?", actor.username(), Rows.ts(t.now), id, expectedVersion) != 1) {
                throw conflict(expectedVersion);
            }
            PolicyRows.writeVersion(t, id, "delete");   // history has no foreign key: it outlives the policy
            t.db.delete("DELETE FROM br_policy WHERE id = ?", id);   // assignments cascade
            t.audit("delete", "policy", id, PolicyRows.json(before), null);
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public List<PolicyVersion> versions(String policyId) {
        return Rows.list(read(), r -> new PolicyVersion(Rows.str(r, 1), Rows.num(r, 2), Rows.str(r, 3),
                        Rows.str(r, 4), Rows.time(r, 5), Rows.str(r, 6)),
                "SELECT policy_id, version, change_type, snapshot_json, created_at, created_by FROM br_policy_version"
                        + " WHERE policy_id = ? ORDER BY version", policyId);
    }

    @Override
    public List<PolicyRecord> referencing(String attributeKey) {
        return referencing(read(), attributeKey);
    }

    /** Policies whose expression uses {@code {user.<key>}}; a malformed stored expression counts as a user when it mentions the key. */
    static List<PolicyRecord> referencing(DbExecute db, String key) {
        return Rows.list(db, PolicyRows::toPolicy, PolicyRows.POLICY_COLUMNS + " WHERE definition_json IS NOT NULL"
                        + " ORDER BY name").stream()
                .filter(r -> uses(r.policy(), key)).toList();
    }

    private static boolean uses(Policy p, String key) {
        if (p.expression() == null) return false;
        try {
            return p.template().referencedAttributes().contains(key);
        } catch (BindingException e) {
            return p.expression().contains("user." + key);
        }
    }

    private static void requireVersion(PolicyRecord current, long expectedVersion) {
        if (current.version() != expectedVersion) throw conflict(expectedVersion);
    }

    private static StoreConflictException conflict(long expectedVersion) {
        return new StoreConflictException("policy was changed by someone else (expected version " + expectedVersion
                + "); reload and retry");
    }

    private static void requireFreeName(DbExecute db, String name, String exceptId) {
        if (Rows.count(db, "SELECT COUNT(*) FROM br_policy WHERE name = ? AND id <> ?", name, exceptId) > 0)
            throw new StoreConflictException("policy name already exists: " + name);
    }
}
