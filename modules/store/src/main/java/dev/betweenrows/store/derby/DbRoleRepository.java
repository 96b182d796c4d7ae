package dev.betweenrows.store.derby;

import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.Role;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.RoleImpact;
import dev.betweenrows.store.RoleRecord;
import dev.betweenrows.store.RoleRepository;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Optional;

/** Roles, memberships and the DAG; cycle and depth checks run inside the transaction that adds the edge. */
final class DbRoleRepository implements RoleRepository {
    private static final String COLUMNS = "SELECT id, name, description, is_active, created_at, updated_at FROM br_role";
    private final Transactions tx;

    DbRoleRepository(Transactions tx) {
        this.tx = tx;
    }

    private DbExecute read() {
        return tx.reader();
    }

    @Override
    public RoleRecord create(String name, String description, Actor actor) {
        Role.checkName(name);
        checkDescription(description);
        return tx.run(actor, t -> {
            requireFreeName(t.db, name, null);
            String id = Rows.newId();
            t.db.insert("INSERT INTO br_role (id, name, description, is_active, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, name, description, true, Rows.ts(t.now), Rows.ts(t.now));
            RoleRecord created = get(t.db, id);
            t.audit("create", "role", id, null, json(created));
            return created;
        });
    }

    @Override
    public Optional<RoleRecord> findById(String id) {
        return Rows.one(read(), DbRoleRepository::toRole, COLUMNS + " WHERE id = ?", id);
    }

    @Override
    public Optional<RoleRecord> findByName(String name) {
        return Rows.one(read(), DbRoleRepository::toRole, COLUMNS + " WHERE name = ?", name);
    }

    @Override
    public List<RoleRecord> list() {
        return Rows.list(read(), DbRoleRepository::toRole, COLUMNS + " ORDER BY name");
    }

    @Override
    public RoleRecord update(String id, String name, String description, Actor actor) {
        Role.checkName(name);
        checkDescription(description);
        return tx.run(actor, t -> {
            RoleRecord before = get(t.db, id);
            requireFreeName(t.db, name, id);
            t.db.update("UPDATE br_role SET name = ?, description = ?, updated_at = ? WHERE id = ?",
                    name, description, Rows.ts(t.now), id);
            RoleRecord after = get(t.db, id);
            t.audit("update", "role", id, json(before), json(after));
            return after;
        });
    }

    @Override
    public RoleRecord setActive(String id, boolean active, Actor actor) {
        return tx.run(actor, t -> {
            RoleRecord before = get(t.db, id);
            t.db.update("UPDATE br_role SET is_active = ?, updated_at = ? WHERE id = ?", active, Rows.ts(t.now), id);
            RoleRecord after = get(t.db, id);
            t.audit(active ? "reactivate" : "deactivate", "role", id, json(before), json(after));
            t.policySetChanged();
            return after;
        });
    }

    @Override
    public RoleImpact delete(String id, Actor actor) {
        return tx.run(actor, t -> {
            RoleRecord before = get(t.db, id);
            int users = graph(t.db).effectiveMembers(id).size();
            int assignments = (int) t.db.delete("DELETE FROM br_policy_assignment WHERE scope = 'role' AND subject_id = ?", id);
            int grants = (int) t.db.delete("DELETE FROM br_data_source_access WHERE scope = 'role' AND subject_id = ?", id);
            t.db.delete("DELETE FROM br_role WHERE id = ?", id);   // memberships and edges cascade
            RoleImpact impact = new RoleImpact(users, assignments, grants);
            t.audit("delete", "role", id, json(before), Json.object().add("affected_users", users)
                    .add("affected_assignments", assignments).add("affected_grants", grants).build());
            t.policySetChanged();
            return impact;
        });
    }

    @Override
    public void addMember(String roleId, String userId, Actor actor) {
        tx.run(actor, t -> {
            get(t.db, roleId);
            DbUserRepository.get(t.db, userId);
            if (Rows.count(t.db, "SELECT COUNT(*) FROM br_role_member WHERE role_id = ? AND user_id = ?", roleId, userId) > 0)
                throw new StoreConflictException("user is already a member of the role");
            t.db.insert("INSERT INTO br_role_member (role_id, user_id, created_at) VALUES (?, ?, ?)",
                    roleId, userId, Rows.ts(t.now));
            t.audit("add_member", "role", roleId, null, Json.object().add("user_id", userId).build());
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public void removeMember(String roleId, String userId, Actor actor) {
        tx.run(actor, t -> {
            if (t.db.delete("DELETE FROM br_role_member WHERE role_id = ? AND user_id = ?", roleId, userId) == 0)
                throw new StoreNotFoundException("role membership", roleId + "/" + userId);
            t.audit("remove_member", "role", roleId, Json.object().add("user_id", userId).build(), null);
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public List<Membership> members(String roleId) {
        return Rows.list(read(), r -> new Membership(Rows.str(r, 1), Rows.str(r, 2)),
                "SELECT user_id, role_id FROM br_role_member WHERE role_id = ? ORDER BY created_at, user_id", roleId);
    }

    @Override
    public void addParent(String childRoleId, String parentRoleId, Actor actor) {
        tx.run(actor, t -> {
            get(t.db, childRoleId);
            get(t.db, parentRoleId);
            RoleGraph graph = graph(t.db);
            if (graph.edges().contains(new RoleEdge(childRoleId, parentRoleId)))
                throw new StoreConflictException("the role already inherits from that parent");
            Optional<List<String>> cycle = graph.cyclePath(childRoleId, parentRoleId);
            if (cycle.isPresent()) throw new StoreConflictException("role inheritance would create a cycle: "
                    + String.join(" -> ", names(graph, cycle.get())));
            int depth = graph.depthAfterAdding(childRoleId, parentRoleId);
            if (depth > RoleGraph.MAX_DEPTH) throw new StoreConflictException("role inheritance would be "
                    + depth + " roles deep; the limit is " + RoleGraph.MAX_DEPTH);
            t.db.insert("INSERT INTO br_role_parent (child_role_id, parent_role_id, created_at) VALUES (?, ?, ?)",
                    childRoleId, parentRoleId, Rows.ts(t.now));
            t.audit("add_parent", "role", childRoleId, null, Json.object().add("parent_role_id", parentRoleId).build());
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public void removeParent(String childRoleId, String parentRoleId, Actor actor) {
        tx.run(actor, t -> {
            if (t.db.delete("DELETE FROM br_role_parent WHERE child_role_id = ? AND parent_role_id = ?",
                    childRoleId, parentRoleId) == 0)
                throw new StoreNotFoundException("role inheritance", childRoleId + "/" + parentRoleId);
            t.audit("remove_parent", "role", childRoleId, Json.object().add("parent_role_id", parentRoleId).build(), null);
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public List<RoleEdge> parents(String roleId) {
        return Rows.list(read(), r -> new RoleEdge(Rows.str(r, 1), Rows.str(r, 2)),
                "SELECT child_role_id, parent_role_id FROM br_role_parent WHERE child_role_id = ? ORDER BY created_at",
                roleId);
    }

    @Override
    public RoleGraph graph() {
        return graph(read());
    }

    static RoleGraph graph(DbExecute db) {
        List<Role> roles = Rows.list(db, r -> new Role(Rows.str(r, 1), Rows.str(r, 2), Rows.bool(r, 3)),
                "SELECT id, name, is_active FROM br_role ORDER BY name");
        List<RoleEdge> edges = Rows.list(db, r -> new RoleEdge(Rows.str(r, 1), Rows.str(r, 2)),
                "SELECT child_role_id, parent_role_id FROM br_role_parent");
        List<Membership> members = Rows.list(db, r -> new Membership(Rows.str(r, 1), Rows.str(r, 2)),
                "SELECT user_id, role_id FROM br_role_member");
        return new RoleGraph(roles, edges, members);
    }

    static RoleRecord get(DbExecute db, String id) {
        return Rows.one(db, DbRoleRepository::toRole, COLUMNS + " WHERE id = ?", id)
                .orElseThrow(() -> new StoreNotFoundException("role", id));
    }

    private static List<String> names(RoleGraph graph, List<String> ids) {
        return ids.stream().map(id -> graph.roles().stream().filter(r -> r.id().equals(id))
                .map(Role::name).findFirst().orElse(id)).toList();
    }

    private static void requireFreeName(DbExecute db, String name, String exceptId) {
        if (Rows.count(db, "SELECT COUNT(*) FROM br_role WHERE name = ? AND id <> ?", name,
                exceptId == null ? "" : exceptId) > 0)
            throw new StoreConflictException("role name already exists: " + name);
    }

    private static void checkDescription(String description) {
        if (description != null && description.length() > 2000)
            throw new IllegalArgumentException("description longer than 2000 characters");
    }

    private static RoleRecord toRole(DbRow r) {
        return new RoleRecord(Rows.str(r, 1), Rows.str(r, 2), Rows.str(r, 3), Rows.bool(r, 4), Rows.time(r, 5),
                Rows.time(r, 6));
    }

    private static JsonObject json(RoleRecord r) {
        JsonObjectBuilder b = Json.object().add("id", r.id()).add("name", r.name());
        Json.put(b, "description", r.description());
        return b.add("is_active", r.active()).build();
    }
}
