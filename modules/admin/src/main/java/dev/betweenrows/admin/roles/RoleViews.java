package dev.betweenrows.admin.roles;

import dev.betweenrows.admin.json.EffectiveMember;
import dev.betweenrows.admin.json.RoleDetail;
import dev.betweenrows.admin.json.RoleImpactDto;
import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.Role;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.RoleRecord;
import dev.betweenrows.store.UserRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Read-only views of a role built from one graph snapshot: detail, effective members, impact. */
final class RoleViews {
    private final AdminStore store;

    RoleViews(AdminStore store) {
        this.store = store;
    }

    RoleDetail detail(RoleRecord role) {
        RoleGraph graph = store.roles().graph();
        Map<String, Role> byId = graph.roles().stream().collect(Collectors.toMap(Role::id, r -> r));
        List<RoleDetail.RoleMember> members = directMembers(role.id());
        List<RoleDetail.RoleRef> parents = graph.edges().stream().filter(e -> e.childRoleId().equals(role.id()))
                .map(e -> ref(byId.get(e.parentRoleId()))).toList();
        List<RoleDetail.RoleRef> children = graph.edges().stream().filter(e -> e.parentRoleId().equals(role.id()))
                .map(e -> ref(byId.get(e.childRoleId()))).toList();
        // this role first ("direct"), then ancestors nearest first ("inherited from 'x'")
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(role.id(), "direct");
        ancestors(graph, role.id()).forEach(id -> sources.putIfAbsent(id, "inherited from '" + byId.get(id).name() + "'"));
        Map<String, String> policyNames = store.policies().list().stream()
                .collect(Collectors.toMap(PolicyRecord::id, p -> p.policy().name()));
        Map<String, String> dsNames = store.dataSources().list().stream()
                .collect(Collectors.toMap(DataSourceRecord::id, DataSourceRecord::name));
        List<RoleDetail.RoleAssignment> assignments = new ArrayList<>();
        for (String roleId : sources.keySet()) {
            for (AssignmentRecord a : store.assignments().listAll()) {
                var as = a.assignment();
                if (as.scope() == Scope.ROLE && as.scopeId().equals(roleId)) {
                    assignments.add(new RoleDetail.RoleAssignment(a.id(), as.policyId(), policyNames.get(as.policyId()),
                            as.dataSourceId(), dsNames.get(as.dataSourceId()), sources.get(roleId), as.priority()));
                }
            }
        }
        Map<String, RoleDetail.RoleAccess> access = new LinkedHashMap<>();
        List<AccessGrant> grants = store.dataSources().allGrants();
        for (String roleId : sources.keySet()) {
            for (AccessGrant g : grants) {
                if (g.scope() == Scope.ROLE && g.scopeId().equals(roleId)) {
                    access.putIfAbsent(g.dataSourceId(), new RoleDetail.RoleAccess(g.dataSourceId(),
                            dsNames.get(g.dataSourceId()), sources.get(roleId)));
                }
            }
        }
        return new RoleDetail(role.id(), role.name(), role.description(), role.active(), members.size(),
                graph.effectiveMembers(role.id()).size(), members, parents, children, assignments,
                List.copyOf(access.values()), role.createdAt(), role.updatedAt());
    }

    List<RoleDetail.RoleMember> directMembers(String roleId) {
        return store.roles().members(roleId).stream()
                .map(m -> new RoleDetail.RoleMember(m.userId(), username(m.userId()))).toList();
    }

    /** Members of the role and of its descendant roles; "direct" wins over "via role 'x'". */
    List<EffectiveMember> effectiveMembers(String roleId) {
        RoleGraph graph = store.roles().graph();
        Map<String, String> roleNames = graph.roles().stream().collect(Collectors.toMap(Role::id, Role::name));
        Map<String, String> sourceByRole = new LinkedHashMap<>();
        sourceByRole.put(roleId, "direct");
        for (String id : descendants(graph, roleId)) sourceByRole.putIfAbsent(id, "via role '" + roleNames.get(id) + "'");
        Map<String, String> sourceByUser = new LinkedHashMap<>();
        for (String rid : sourceByRole.keySet()) {
            for (Membership m : graph.memberships()) {
                if (m.roleId().equals(rid)) sourceByUser.putIfAbsent(m.userId(), sourceByRole.get(rid));
            }
        }
        return sourceByUser.entrySet().stream()
                .map(e -> new EffectiveMember(e.getKey(), username(e.getKey()), e.getValue())).toList();
    }

    RoleImpactDto impact(String roleId) {
        int users = store.roles().graph().effectiveMembers(roleId).size();
        int assignments = (int) store.assignments().listAll().stream().map(AssignmentRecord::assignment)
                .filter(a -> a.scope() == Scope.ROLE && a.scopeId().equals(roleId)).count();
        int grants = (int) store.dataSources().allGrants().stream()
                .filter(g -> g.scope() == Scope.ROLE && g.scopeId().equals(roleId)).count();
        return new RoleImpactDto(users, assignments, grants);
    }

    List<String> names(RoleGraph graph, List<String> ids) {
        Map<String, String> roleNames = graph.roles().stream().collect(Collectors.toMap(Role::id, Role::name));
        return ids.stream().map(id -> roleNames.getOrDefault(id, id)).toList();
    }

    private String username(String userId) {
        return store.users().findById(userId).map(UserRecord::username).orElse(null);
    }

    private static RoleDetail.RoleRef ref(Role r) {
        return new RoleDetail.RoleRef(r.id(), r.name(), r.active());
    }

    private static List<String> ancestors(RoleGraph graph, String roleId) {
        return walk(graph, roleId, true);
    }

    private static List<String> descendants(RoleGraph graph, String roleId) {
        return walk(graph, roleId, false);
    }

    /** Breadth-first, nearest first, each role once (a visited set keeps a corrupt cyclic store harmless). */
    private static List<String> walk(RoleGraph graph, String start, boolean up) {
        List<String> out = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (RoleEdge e : graph.edges()) {
                Optional<String> next = up ? Optional.of(e.parentRoleId()).filter(p -> e.childRoleId().equals(current))
                        : Optional.of(e.childRoleId()).filter(c -> e.parentRoleId().equals(current));
                if (next.isPresent() && seen.add(next.get())) {
                    out.add(next.get());
                    queue.add(next.get());
                }
            }
        }
        return out;
    }
}
