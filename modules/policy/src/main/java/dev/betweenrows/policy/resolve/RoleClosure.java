package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.Role;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;

import java.util.*;

/** Graph walks over a {@link RoleGraph}. Internal; use the methods of {@code RoleGraph}. */
public final class RoleClosure {
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> rolesOfUser = new HashMap<>();
    private final Map<String, List<String>> membersOfRole = new HashMap<>();

    private RoleClosure(RoleGraph graph) {
        for (Role r : graph.roles()) roles.put(r.id(), r);
        for (RoleEdge e : graph.edges()) {
            parents.computeIfAbsent(e.childRoleId(), k -> new ArrayList<>()).add(e.parentRoleId());
            children.computeIfAbsent(e.parentRoleId(), k -> new ArrayList<>()).add(e.childRoleId());
        }
        for (Membership m : graph.memberships()) {
            rolesOfUser.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(m.roleId());
            membersOfRole.computeIfAbsent(m.roleId(), k -> new ArrayList<>()).add(m.userId());
        }
    }

    public static RoleClosure of(RoleGraph graph) { return new RoleClosure(graph); }

    /** Breadth-first upward walk through active roles; a role's level is its shortest distance. */
    public Set<String> activeRolesOf(String userId) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> level = new ArrayDeque<>();
        for (String id : rolesOfUser.getOrDefault(userId, List.of()))
            if (isActive(id) && found.add(id)) level.add(id);
        for (int depth = 1; depth < RoleGraph.MAX_DEPTH && !level.isEmpty(); depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String id : level)
                for (String parent : parents.getOrDefault(id, List.of()))
                    if (isActive(parent) && found.add(parent)) next.add(parent);
            level = next;
        }
        return Collections.unmodifiableSet(found);
    }

    private boolean isActive(String roleId) {
        Role r = roles.get(roleId);
        return r != null && r.active(); // unknown ids grant nothing
    }

    /** A path parent → … → child through existing parent edges means child → parent closes a cycle. */
    public Optional<List<String>> cyclePath(String child, String parent) {
        if (child.equals(parent)) return Optional.of(List.of(child, child));
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(parent));
        cameFrom.put(parent, null);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String up : parents.getOrDefault(current, List.of())) {
                if (cameFrom.containsKey(up)) continue;
                cameFrom.put(up, current);
                if (up.equals(child)) return Optional.of(cycle(child, cameFrom));
                queue.add(up);
            }
        }
        return Optional.empty();
    }

    private static List<String> cycle(String child, Map<String, String> cameFrom) {
        // cameFrom walks back from child down to parent; the new edge child → parent closes the loop
        List<String> path = new ArrayList<>();
        for (String at = child; at != null; at = cameFrom.get(at)) path.add(at);
        Collections.reverse(path); // parent … child
        List<String> result = new ArrayList<>();
        result.add(child);
        result.addAll(path);
        return List.copyOf(result);
    }

    public int depthAfterAdding(String child, String parent) {
        return longest(parent, parents, new HashSet<>(), new HashMap<>())
                + longest(child, children, new HashSet<>(), new HashMap<>());
    }

    /**
     * Roles on the longest chain starting at {@code id} (counting it) along {@code next}. Memoised, so
     * diamonds stay linear; the on-path set stops a (corrupt) cycle from recursing forever.
     */
    private static int longest(String id, Map<String, List<String>> next, Set<String> onPath,
                               Map<String, Integer> memo) {
        Integer known = memo.get(id);
        if (known != null) return known;
        if (!onPath.add(id)) return 0;
        int best = 0;
        for (String n : next.getOrDefault(id, List.of())) best = Math.max(best, longest(n, next, onPath, memo));
        onPath.remove(id);
        memo.put(id, best + 1);
        return best + 1;
    }

    public Set<String> effectiveMembers(String roleId) {
        Set<String> seenRoles = new HashSet<>(List.of(roleId));
        Deque<String> queue = new ArrayDeque<>(List.of(roleId));
        Set<String> users = new TreeSet<>();
        while (!queue.isEmpty()) {
            String current = queue.poll();
            users.addAll(membersOfRole.getOrDefault(current, List.of()));
            for (String c : children.getOrDefault(current, List.of())) if (seenRoles.add(c)) queue.add(c);
        }
        return Collections.unmodifiableSet(users);
    }
}
