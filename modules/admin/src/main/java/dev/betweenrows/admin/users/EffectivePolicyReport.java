package dev.betweenrows.admin.users;

import dev.betweenrows.admin.json.EffectivePolicyEntry;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.EffectivePolicy;
import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.Role;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.UserRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code GET /users/{id}/effective-policies} shows: the policy module's own resolution (so the view
 * cannot disagree with enforcement: disabled policies, inactive roles and duplicate paths are handled the
 * same way), each policy annotated with the assignment path that won and every path that reaches the user.
 */
final class EffectivePolicyReport {
    private EffectivePolicyReport() {}

    static List<EffectivePolicyEntry> of(AdminStore store, UserRecord user, List<DataSourceRecord> dataSources) {
        RoleGraph graph = store.roles().graph();
        Set<String> activeRoles = graph.activeRolesOf(user.id());
        Set<String> directRoles = graph.memberships().stream().filter(m -> m.userId().equals(user.id()))
                .map(Membership::roleId).collect(Collectors.toSet());
        Map<String, String> roleNames = graph.roles().stream().collect(Collectors.toMap(Role::id, Role::name));
        List<Assignment> assignments = store.assignments().listAll().stream().map(AssignmentRecord::assignment).toList();
        List<Policy> policies = store.policies().list().stream().map(PolicyRecord::policy).toList();
        List<AttributeDefinition> definitions = store.attributes().list().stream()
                .map(AttributeDefinitionRecord::definition).toList();
        UserContext context = new UserContext(user.id(), user.username(), store.users().attributes(user.id()));

        List<EffectivePolicyEntry> out = new ArrayList<>();
        for (DataSourceRecord ds : dataSources) {
            EffectivePolicies resolved = EffectivePolicies.resolve(context, activeRoles, ds.toRef(), assignments,
                    policies, definitions);
            for (EffectivePolicy e : resolved.policies()) {
                List<Assignment> paths = assignments.stream()
                        .filter(a -> a.dataSourceId().equals(ds.id()) && a.policyId().equals(e.policy().id())
                                && a.covers(user.id(), activeRoles))
                        .sorted(Comparator.comparingInt(Assignment::priority).thenComparing(Assignment::scope))
                        .toList();
                String winner = paths.stream().filter(a -> a.priority() == e.priority() && a.scope() == e.scope())
                        .findFirst().map(a -> label(a, directRoles, roleNames)).orElse(e.scope().jsonName());
                Policy p = e.policy();
                out.add(new EffectivePolicyEntry(p.id(), p.name(), p.type().jsonName(), ds.id(), ds.name(),
                        e.priority(), e.scope().jsonName(), winner,
                        paths.stream().map(a -> label(a, directRoles, roleNames)).distinct().toList(),
                        p.enabled(), p.version(), e.bindingError()));
            }
        }
        return out;
    }

    /** BetweenRows' wording: "direct", "role 'x'", "inherited from 'x'", "all users". */
    private static String label(Assignment a, Set<String> directRoles, Map<String, String> roleNames) {
        return switch (a.scope()) {
            case USER -> "direct";
            case ALL -> "all users";
            case ROLE -> (directRoles.contains(a.scopeId()) ? "role '" : "inherited from '")
                    + roleNames.getOrDefault(a.scopeId(), a.scopeId()) + "'";
        };
    }
}
