package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.StoreNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a checked document through the repositories, inside the caller's single transaction
 * ({@link AdminStore#atomically}). Order: attributes, roles and their edges and members, data sources with
 * grants and catalog, policies with assignments, role (de)activation, and last the pruned deletions.
 */
final class ImportApplier {
    private final AdminStore store;
    private final Actor actor;

    private ImportApplier(AdminStore store, Actor actor) {
        this.store = store;
        this.actor = actor;
    }

    static void apply(AdminStore store, Doc want, Doc have, boolean prune, Actor actor) {
        new ImportApplier(store, actor).run(want, have, prune);
    }

    private void run(Doc want, Doc have, boolean prune) {
        Map<String, Doc.AttributeSpec> attrs = byName(have.attributes(), Doc.AttributeSpec::key);
        for (Doc.AttributeSpec a : want.attributes()) {
            Doc.AttributeSpec c = attrs.get(a.key());
            if (c == null) store.attributes().create(a.definition(), a.displayName(), a.description(), actor);
            else if (!c.equals(a)) store.attributes().update(a.key(), a.definition(), a.displayName(), a.description(), actor);
        }
        Map<String, Doc.RoleSpec> roles = byName(have.roles(), Doc.RoleSpec::name);
        for (Doc.RoleSpec r : want.roles()) {
            Doc.RoleSpec c = roles.get(r.name());
            if (c == null) store.roles().create(r.name(), r.description(), actor);
            else if (!Objects.equals(c.description(), r.description()))
                store.roles().update(roleId(r.name()), r.name(), r.description(), actor);
        }
        for (Doc.RoleSpec r : want.roles()) {   // removals first, so a reshaped DAG never passes through a cycle
            Doc.RoleSpec c = roles.get(r.name());
            if (c == null) continue;
            for (String p : minus(c.parents(), r.parents())) store.roles().removeParent(roleId(r.name()), roleId(p), actor);
            for (String m : minus(c.members(), r.members())) store.roles().removeMember(roleId(r.name()), userId(m), actor);
        }
        for (Doc.RoleSpec r : want.roles()) {
            Doc.RoleSpec c = roles.get(r.name());
            for (String p : minus(r.parents(), c == null ? List.of() : c.parents()))
                store.roles().addParent(roleId(r.name()), roleId(p), actor);
            for (String m : minus(r.members(), c == null ? List.of() : c.members()))
                store.roles().addMember(roleId(r.name()), userId(m), actor);
        }
        Map<String, Doc.DataSourceSpec> sources = byName(have.dataSources(), Doc.DataSourceSpec::name);
        for (Doc.DataSourceSpec d : want.dataSources()) dataSource(d, sources.get(d.name()));
        Map<String, Doc.PolicySpec> policies = byName(have.policies(), Doc.PolicySpec::name);
        for (Doc.PolicySpec p : want.policies()) policy(p, policies.get(p.name()));
        for (Doc.RoleSpec r : want.roles()) {
            Doc.RoleSpec c = roles.get(r.name());
            if (c == null ? !r.active() : c.active() != r.active()) store.roles().setActive(roleId(r.name()), r.active(), actor);
        }
        if (prune) prune(want, have);
    }

    private void dataSource(Doc.DataSourceSpec d, Doc.DataSourceSpec c) {
        String id;
        if (c == null) id = store.dataSources().create(d.settings(), null, actor).id();   // no secret: set it afterwards
        else {
            id = store.dataSources().findByName(d.name()).orElseThrow().id();
            if (!c.settings().equals(d.settings())) store.dataSources().update(id, d.settings(), null, actor);
        }
        List<Doc.Subject> have = c == null ? List.of() : c.grants();
        for (Doc.Subject s : minus(have, d.grants())) store.dataSources().revoke(grant(id, s), actor);
        for (Doc.Subject s : minus(d.grants(), have)) store.dataSources().grant(grant(id, s), actor);
        if (c == null ? !d.catalog().isEmpty() : !c.catalog().equals(d.catalog())) store.catalog().save(id, d.catalog(), actor);
    }

    private void policy(Doc.PolicySpec p, Doc.PolicySpec c) {
        String id;
        if (c == null) id = store.policies().create(p.draft(), actor).id();
        else {
            var record = store.policies().findByName(p.name()).orElseThrow();
            id = record.id();
            if (!c.draft().equals(p.draft())) store.policies().update(id, record.version(), p.draft(), actor);
        }
        Map<List<Object>, AssignmentRecord> current = store.assignments().listByPolicy(id).stream()
                .collect(Collectors.toMap(a -> key(a.assignment()), Function.identity()));
        Set<List<Object>> wanted = new java.util.HashSet<>();
        for (Doc.AssignmentSpec a : p.assignments()) {
            Assignment target = new Assignment(id, dataSourceId(a.dataSource()), a.subject().scope(),
                    subjectId(a.subject()), a.priority());
            wanted.add(key(target));
            AssignmentRecord existing = current.get(key(target));
            if (existing == null) store.assignments().create(target, actor);
            else if (existing.assignment().priority() != a.priority())
                store.assignments().update(existing.id(), target.scope(), target.scopeId(), a.priority(), actor);
        }
        current.forEach((k, a) -> {
            if (!wanted.contains(k)) store.assignments().delete(a.id(), actor);
        });
    }

    private void prune(Doc want, Doc have) {
        Set<String> policies = names(want.policies(), Doc.PolicySpec::name);
        for (Doc.PolicySpec p : have.policies()) {
            if (policies.contains(p.name())) continue;
            var record = store.policies().findByName(p.name()).orElseThrow();
            store.policies().delete(record.id(), record.version(), actor);
        }
        Set<String> sources = names(want.dataSources(), Doc.DataSourceSpec::name);
        for (Doc.DataSourceSpec d : have.dataSources())
            if (!sources.contains(d.name())) store.dataSources().delete(dataSourceId(d.name()), actor);
        Set<String> roles = names(want.roles(), Doc.RoleSpec::name);
        for (Doc.RoleSpec r : have.roles()) if (!roles.contains(r.name())) store.roles().delete(roleId(r.name()), actor);
        Set<String> attrs = names(want.attributes(), Doc.AttributeSpec::key);
        for (Doc.AttributeSpec a : have.attributes()) if (!attrs.contains(a.key())) store.attributes().delete(a.key(), false, actor);
    }

    private static List<Object> key(Assignment a) {
        return List.of(a.dataSourceId(), a.scope(), String.valueOf(a.scopeId()));
    }

    private AccessGrant grant(String dataSourceId, Doc.Subject s) {
        return new AccessGrant(dataSourceId, s.scope(), subjectId(s));
    }

    private String subjectId(Doc.Subject s) {
        return s.scope() == Scope.ALL ? null : s.scope() == Scope.USER ? userId(s.name()) : roleId(s.name());
    }

    private String userId(String username) {
        return store.users().findByUsername(username).orElseThrow(() -> new StoreNotFoundException("user", username)).id();
    }

    private String roleId(String name) {
        return store.roles().findByName(name).orElseThrow(() -> new StoreNotFoundException("role", name)).id();
    }

    private String dataSourceId(String name) {
        return store.dataSources().findByName(name).orElseThrow(() -> new StoreNotFoundException("data source", name)).id();
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity()));
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }
}
