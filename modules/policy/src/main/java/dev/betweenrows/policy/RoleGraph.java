package dev.betweenrows.policy;

import dev.betweenrows.policy.resolve.RoleClosure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The role DAG with memberships, as loaded from the store (immutable snapshot).
 *
 * <p><b>Closure.</b> A user's roles are their direct roles plus every ancestor reachable through
 * parent edges, walking only through <em>active</em> roles: an inactive role is skipped together with
 * everything above it that is reachable only through it (deactivating a middle role cuts inheritance
 * for its descendants). Diamonds are counted once. The walk follows chains of at most
 * {@link #MAX_DEPTH} roles (the direct role counts as 1), as BetweenRows does; the edge check below
 * keeps real chains inside that bound, and the visited set makes a corrupt cyclic store harmless.
 *
 * <p><b>Edge checks for the admin API.</b> {@link #cyclePath(String, String)} /
 * {@link #wouldCreateCycle(String, String)} and {@link #depthAfterAdding(String, String)}: depth is the
 * number of roles on the longest inheritance chain through the new edge; the API must refuse an edge
 * when it exceeds {@link #MAX_DEPTH} (422 in BetweenRows, for both checks).
 */
public record RoleGraph(List<Role> roles, List<RoleEdge> edges, List<Membership> memberships) {
    /** Longest chain of roles (counted in roles, not edges) that inheritance follows and the API allows. */
    public static final int MAX_DEPTH = 10;

    public RoleGraph {
        roles = Checks.list(roles, "roles");
        edges = Checks.list(edges, "edges");
        memberships = Checks.list(memberships, "memberships");
    }

    /** The ids of the active roles the user has, directly or inherited. */
    public Set<String> activeRolesOf(String userId) {
        return RoleClosure.of(this).activeRolesOf(userId);
    }

    /** Whether adding {@code child → parent} would close a cycle (a self-edge is one). */
    public boolean wouldCreateCycle(String childRoleId, String parentRoleId) {
        return cyclePath(childRoleId, parentRoleId).isPresent();
    }

    /**
     * The cycle that adding {@code child → parent} would close, as role ids starting and ending with
     * the child (e.g. {@code [a, b, c, a]}), for the admin API's error message.
     */
    public Optional<List<String>> cyclePath(String childRoleId, String parentRoleId) {
        return RoleClosure.of(this).cyclePath(childRoleId, parentRoleId);
    }

    /** Roles on the longest chain through the edge {@code child → parent} if it were added. */
    public int depthAfterAdding(String childRoleId, String parentRoleId) {
        return RoleClosure.of(this).depthAfterAdding(childRoleId, parentRoleId);
    }

    /**
     * Users who get what is assigned to the role: its direct members and the members of its descendant
     * roles (regardless of active flags — for impact reports and cache invalidation).
     */
    public Set<String> effectiveMembers(String roleId) {
        return RoleClosure.of(this).effectiveMembers(roleId);
    }
}
