package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.PolicyDraft;

import java.util.Comparator;
import java.util.List;

/**
 * A policy document as values, names instead of ids, every list in its canonical order: what the store
 * holds and what a YAML file asks for compare with {@code equals}.
 */
record Doc(List<AttributeSpec> attributes, List<RoleSpec> roles, List<DataSourceSpec> dataSources,
           List<PolicySpec> policies) {
    Doc {
        attributes = sorted(attributes, Comparator.comparing(AttributeSpec::key));
        roles = sorted(roles, Comparator.comparing(RoleSpec::name));
        dataSources = sorted(dataSources, Comparator.comparing(DataSourceSpec::name));
        policies = sorted(policies, Comparator.comparing(PolicySpec::name));
    }

    record AttributeSpec(AttributeDefinition definition, String displayName, String description) {
        String key() { return definition.key(); }
    }

    record RoleSpec(String name, String description, boolean active, List<String> parents, List<String> members) {
        RoleSpec {
            parents = sorted(parents, Comparator.naturalOrder());
            members = sorted(members, Comparator.naturalOrder());
        }
    }

    /** {@code subject} is a username or role name; {@code null} for scope all. */
    record Subject(Scope scope, String name) implements Comparable<Subject> {
        @Override
        public int compareTo(Subject o) {
            int c = scope.compareTo(o.scope);
            return c != 0 ? c : String.valueOf(name).compareTo(String.valueOf(o.name));
        }
    }

    record DataSourceSpec(DataSourceSettings settings, List<Subject> grants, List<CatalogSchemaEntry> catalog) {
        DataSourceSpec {
            grants = sorted(grants, Comparator.naturalOrder());
            catalog = List.copyOf(catalog);
        }

        String name() { return settings.name(); }
    }

    record AssignmentSpec(String dataSource, Subject subject, int priority) {
        static final Comparator<AssignmentSpec> ORDER = Comparator.comparing(AssignmentSpec::dataSource)
                .thenComparing(AssignmentSpec::subject).thenComparingInt(AssignmentSpec::priority);
    }

    record PolicySpec(PolicyDraft draft, List<AssignmentSpec> assignments) {
        PolicySpec {
            assignments = sorted(assignments, AssignmentSpec.ORDER);
        }

        String name() { return draft.name(); }
    }

    private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        return list.stream().sorted(order).toList();
    }
}
