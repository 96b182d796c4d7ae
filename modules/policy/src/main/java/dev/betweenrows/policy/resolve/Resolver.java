package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.*;

import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Picks the policies that reach a user and binds their expressions. */
public final class Resolver {
    /** Rank order: priority, scope (user, role, all), name, id. */
    static final Comparator<EffectivePolicy> RANK = Comparator.comparingInt(EffectivePolicy::priority)
            .thenComparing(EffectivePolicy::scope)
            .thenComparing(e -> e.policy().name())
            .thenComparing(e -> e.policy().id());

    private Resolver() {}

    public static EffectivePolicies resolve(UserContext user, Set<String> activeRoleIds, DataSourceRef dataSource,
                                            Collection<Assignment> assignments, Collection<Policy> policies,
                                            Collection<AttributeDefinition> definitions) {
        Map<String, Policy> enabled = policies.stream().filter(Policy::enabled)
                .collect(Collectors.toMap(Policy::id, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("duplicate policy id " + a.id());
                }));
        Map<String, AttributeDefinition> defs = definitions.stream()
                .collect(Collectors.toMap(AttributeDefinition::key, Function.identity()));
        Map<String, Assignment> best = new HashMap<>();
        for (Assignment a : assignments) {
            if (!a.dataSourceId().equals(dataSource.id()) || !enabled.containsKey(a.policyId())) continue;
            if (!a.covers(user.userId(), activeRoleIds)) continue;
            best.merge(a.policyId(), a, Resolver::better);
        }
        List<EffectivePolicy> effective = new ArrayList<>();
        for (Assignment a : best.values()) effective.add(bind(enabled.get(a.policyId()), a, user, defs));
        effective.sort(RANK);
        return new ResolvedPolicies(dataSource, effective, fingerprint(dataSource, effective));
    }

    private static Assignment better(Assignment a, Assignment b) {
        if (a.priority() != b.priority()) return a.priority() < b.priority() ? a : b;
        return a.scope().compareTo(b.scope()) <= 0 ? a : b;
    }

    private static EffectivePolicy bind(Policy p, Assignment a, UserContext user, Map<String, AttributeDefinition> defs) {
        if (!p.type().hasExpression()) return new EffectivePolicy(p, a.priority(), a.scope(), null, null);
        try {
            return new EffectivePolicy(p, a.priority(), a.scope(), p.template().bind(user, defs), null);
        } catch (BindingException e) {
            return new EffectivePolicy(p, a.priority(), a.scope(), null,
                    "policy '" + p.name() + "' (" + p.id() + " v" + p.version() + "): " + e.getMessage());
        }
    }

    private static String fingerprint(DataSourceRef ds, List<EffectivePolicy> effective) {
        Fingerprint f = new Fingerprint().field(ds.id()).field(ds.accessMode().jsonName());
        for (EffectivePolicy e : effective) {
            f.field(e.policy().id()).field(Long.toString(e.policy().version())).field(e.policy().type().jsonName())
                    .field(Integer.toString(e.priority())).field(e.scope().jsonName())
                    .field(e.bound() == null ? null : e.bound().sql()).field(e.broken() ? "broken" : null);
        }
        return f.hex();
    }
}
