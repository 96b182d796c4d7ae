package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.RoleRecord;
import dev.betweenrows.store.UserRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the store's governance state as a {@link Doc}: ids become names. */
final class StoreDoc {
    private StoreDoc() {}

    /** Ids → names for users, roles and data sources. */
    record Names(Map<String, String> users, Map<String, String> roles, Map<String, String> dataSources) {
        String subject(Scope scope, String id) {
            return switch (scope) {
                case ALL -> null;
                case USER -> users.getOrDefault(id, id);
                case ROLE -> roles.getOrDefault(id, id);
            };
        }
    }

    static Names names(AdminStore store, List<RoleRecord> roles, List<DataSourceRecord> dataSources) {
        Map<String, String> users = new HashMap<>();
        for (UserRecord u : allUsers(store)) users.put(u.id(), u.username());
        return new Names(users, roles.stream().collect(Collectors.toMap(RoleRecord::id, RoleRecord::name)),
                dataSources.stream().collect(Collectors.toMap(DataSourceRecord::id, DataSourceRecord::name)));
    }

    static List<UserRecord> allUsers(AdminStore store) {
        List<UserRecord> all = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            var p = store.users().list(null, new dev.betweenrows.store.PageRequest(page, 500));
            all.addAll(p.items());
            if (p.items().size() < 500) return all;
        }
    }

    static Doc read(AdminStore store) {
        List<RoleRecord> roles = store.roles().list();
        List<DataSourceRecord> dataSources = store.dataSources().list();
        Names names = names(store, roles, dataSources);
        var graph = store.roles().graph();
        Map<String, String> roleNames = names.roles();
        List<Doc.RoleSpec> roleSpecs = roles.stream().map(r -> new Doc.RoleSpec(r.name(), r.description(), r.active(),
                graph.edges().stream().filter(e -> e.childRoleId().equals(r.id()))
                        .map(e -> roleNames.get(e.parentRoleId())).toList(),
                graph.memberships().stream().filter(m -> m.roleId().equals(r.id()))
                        .map(m -> names.users().get(m.userId())).toList())).toList();
        Map<String, List<AccessGrant>> grants = store.dataSources().allGrants().stream()
                .collect(Collectors.groupingBy(AccessGrant::dataSourceId));
        List<Doc.DataSourceSpec> dsSpecs = dataSources.stream().map(d -> new Doc.DataSourceSpec(d.settings(),
                grants.getOrDefault(d.id(), List.of()).stream()
                        .map(g -> new Doc.Subject(g.scope(), names.subject(g.scope(), g.scopeId()))).toList(),
                store.catalog().read(d.id()))).toList();
        Map<String, List<AssignmentRecord>> assignments = store.assignments().listAll().stream()
                .collect(Collectors.groupingBy(a -> a.assignment().policyId()));
        List<Doc.PolicySpec> policies = store.policies().list().stream().map(p -> new Doc.PolicySpec(draft(p),
                assignments.getOrDefault(p.id(), List.of()).stream().map(a -> spec(a.assignment(), names)).toList()))
                .toList();
        List<Doc.AttributeSpec> attributes = store.attributes().list().stream()
                .map(a -> new Doc.AttributeSpec(a.definition(), a.displayName(), a.description())).toList();
        return new Doc(attributes, roleSpecs, dsSpecs, policies);
    }

    static PolicyDraft draft(PolicyRecord p) {
        var policy = p.policy();
        return new PolicyDraft(policy.name(), policy.type(), p.description(), policy.targets(), policy.expression(),
                policy.enabled());
    }

    private static Doc.AssignmentSpec spec(Assignment a, Names names) {
        return new Doc.AssignmentSpec(names.dataSources().get(a.dataSourceId()),
                new Doc.Subject(a.scope(), names.subject(a.scope(), a.scopeId())), a.priority());
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity()));
    }
}
