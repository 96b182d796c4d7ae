package dev.betweenrows.store;

import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;

import java.util.List;
import java.util.Optional;

/** Roles, memberships and the inheritance DAG. Every change bumps the policy-set version. */
public interface RoleRepository {

    RoleRecord create(String name, String description, Actor actor);

    Optional<RoleRecord> findById(String id);

    Optional<RoleRecord> findByName(String name);

    /** All roles ordered by name. */
    List<RoleRecord> list();

    RoleRecord update(String id, String name, String description, Actor actor);

    /** Activates or deactivates (an inactive role grants nothing and cuts inheritance through it). */
    RoleRecord setActive(String id, boolean active, Actor actor);

    /** Deletes the role with its memberships, edges, role-scoped assignments and grants. */
    RoleImpact delete(String id, Actor actor);

    void addMember(String roleId, String userId, Actor actor);

    /** Removes a direct membership; {@link StoreNotFoundException} when there is none. */
    void removeMember(String roleId, String userId, Actor actor);

    /** Direct members of the role. */
    List<Membership> members(String roleId);

    /**
     * Adds {@code child → parent}. Refused with {@link StoreConflictException} when it would close a
     * cycle (the message names the cycle) or make a chain longer than {@link RoleGraph#MAX_DEPTH}.
     */
    void addParent(String childRoleId, String parentRoleId, Actor actor);

    void removeParent(String childRoleId, String parentRoleId, Actor actor);

    /** The direct parents of a role. */
    List<RoleEdge> parents(String roleId);

    /** Every role, edge and membership: the snapshot resolution works on. */
    RoleGraph graph();
}
