package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.ImportProblem;
import dev.betweenrows.store.PlannedChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a read document against the store (every reference resolves, no duplicate grant or assignment,
 * expressions are valid) and computes the plan: create, update or delete per top-level object.
 */
final class ImportPlan {
    private static final UserContext SAMPLE_USER = new UserContext("00000000-0000-0000-0000-000000000000",
            "validation-user", Map.of());

    private ImportPlan() {}

    static void check(DocReader.Result read, Doc have, Set<String> usernames, boolean prune,
                      ExpressionValidator validator, List<ImportProblem> problems) {
        Doc want = read.doc();
        Map<String, Set<String>> known = new HashMap<>();
        known.put("user", usernames);
        known.put("role", names(want.roles(), have.roles(), Doc.RoleSpec::name, prune));
        known.put("data_source", names(want.dataSources(), have.dataSources(), Doc.DataSourceSpec::name, prune));
        known.put("attribute", names(want.attributes(), have.attributes(), Doc.AttributeSpec::key, prune));
        for (DocReader.Ref ref : read.refs()) {
            if (!known.get(ref.kind()).contains(ref.name())) {
                problems.add(ref.at().problem("unknown " + ref.kind().replace('_', ' ') + " '" + ref.name() + "'"
                        + (prune && !ref.kind().equals("user") ? " (with prune, it must be in the document)" : "")));
            }
        }
        for (Doc.DataSourceSpec d : want.dataSources()) {
            if (new HashSet<>(d.grants()).size() != d.grants().size())
                problems.add(new ImportProblem(0, 0, "data source '" + d.name() + "' lists a grant twice"));
        }
        Map<String, AttributeDefinition> definitions = definitions(want, have, prune);
        for (Doc.PolicySpec p : want.policies()) {
            Set<List<Object>> keys = new HashSet<>();
            for (Doc.AssignmentSpec a : p.assignments()) {
                if (!keys.add(List.of(a.dataSource(), a.subject().scope(), String.valueOf(a.subject().name()))))
                    problems.add(new ImportProblem(0, 0, "policy '" + p.name() + "' assigns the same data source and subject twice"));
            }
            expressionProblem(p, definitions, validator)
                    .ifPresent(m -> problems.add(new ImportProblem(0, 0, "policy '" + p.name() + "': " + m)));
        }
    }

    private static java.util.Optional<String> expressionProblem(Doc.PolicySpec p, Map<String, AttributeDefinition> defs,
                                                                ExpressionValidator validator) {
        String expression = p.draft().expression();
        if (expression == null) return java.util.Optional.empty();
        try {
            var template = p.draft().toPolicy("validation", 1).template();
            if (!defs.keySet().containsAll(template.referencedAttributes())) return java.util.Optional.empty(); // reported as a reference
            String sql = template.bind(SAMPLE_USER, defs).sql();
            return validator == null ? java.util.Optional.empty()
                    : validator.problem(sql, p.draft().type() == PolicyType.COLUMN_MASK);
        } catch (BindingException | IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static Map<String, AttributeDefinition> definitions(Doc want, Doc have, boolean prune) {
        Map<String, AttributeDefinition> defs = new HashMap<>();
        if (!prune) have.attributes().forEach(a -> defs.put(a.key(), a.definition()));
        want.attributes().forEach(a -> defs.put(a.key(), a.definition()));
        return defs;
    }

    private static <T> Set<String> names(List<T> want, List<T> have, Function<T, String> name, boolean prune) {
        Set<String> all = want.stream().map(name).collect(Collectors.toCollection(HashSet::new));
        if (!prune) have.stream().map(name).forEach(all::add);
        return all;
    }

    static List<PlannedChange> plan(Doc want, Doc have, boolean prune) {
        List<PlannedChange> plan = new ArrayList<>();
        diff("attribute", want.attributes(), have.attributes(), Doc.AttributeSpec::key, prune, plan);
        diff("role", want.roles(), have.roles(), Doc.RoleSpec::name, prune, plan);
        diff("data_source", want.dataSources(), have.dataSources(), Doc.DataSourceSpec::name, prune, plan);
        diff("policy", want.policies(), have.policies(), Doc.PolicySpec::name, prune, plan);
        return plan;
    }

    private static <T> void diff(String kind, List<T> want, List<T> have, Function<T, String> name, boolean prune,
                                 List<PlannedChange> plan) {
        Map<String, T> current = have.stream().collect(Collectors.toMap(name, Function.identity()));
        Set<String> wanted = new HashSet<>();
        for (T w : want) {
            String n = name.apply(w);
            wanted.add(n);
            T c = current.get(n);
            if (c == null) plan.add(new PlannedChange("create", kind, n));
            else if (!Objects.equals(c, w)) plan.add(new PlannedChange("update", kind, n));
        }
        if (prune) {
            have.stream().map(name).filter(n -> !wanted.contains(n)).sorted()
                    .forEach(n -> plan.add(new PlannedChange("delete", kind, n)));
        }
    }
}
