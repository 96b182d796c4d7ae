package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.*;

import java.util.*;

/** The per-table answers of {@link EffectivePolicies}; see its Javadoc for the rules. */
final class ResolvedPolicies implements EffectivePolicies {
    private final DataSourceRef dataSource;
    private final List<EffectivePolicy> policies;
    private final String fingerprint;

    ResolvedPolicies(DataSourceRef dataSource, List<EffectivePolicy> policies, String fingerprint) {
        this.dataSource = dataSource;
        this.policies = List.copyOf(policies);
        this.fingerprint = fingerprint;
    }

    @Override public DataSourceRef dataSource() { return dataSource; }

    @Override public List<EffectivePolicy> policies() { return policies; }

    @Override public String fingerprint() { return fingerprint; }

    @Override
    public boolean isSchemaDenied(String schema) {
        return policies.stream().filter(e -> e.policy().type() == PolicyType.TABLE_DENY)
                .anyMatch(e -> e.policy().targets().stream().anyMatch(t -> t.coversWholeSchema(schema)));
    }

    @Override
    public Optional<TablePolicy> forTable(TableRef table, List<ColumnInfo> catalogColumns) {
        List<EffectivePolicy> matching = policies.stream().filter(e -> matchesTable(e.policy(), table)).toList();
        if (matching.stream().anyMatch(e -> e.policy().type() == PolicyType.TABLE_DENY)) return Optional.empty();
        List<EffectivePolicy> allows = ofType(matching, PolicyType.COLUMN_ALLOW);
        if (allows.isEmpty() && dataSource.accessMode() == AccessMode.POLICY_REQUIRED) return Optional.empty();

        List<EffectivePolicy> denies = ofType(matching, PolicyType.COLUMN_DENY);
        Set<String> appliedIds = new HashSet<>();
        allows.forEach(e -> appliedIds.add(e.policy().id()));
        List<ColumnInfo> visible = new ArrayList<>();
        for (ColumnInfo c : catalogColumns) {
            if (!allows.isEmpty() && allows.stream().noneMatch(e -> matchesColumn(e.policy(), table, c.name()))) continue;
            List<EffectivePolicy> denying = denies.stream().filter(e -> matchesColumn(e.policy(), table, c.name())).toList();
            denying.forEach(e -> appliedIds.add(e.policy().id()));
            if (denying.isEmpty()) visible.add(c);
        }
        if (visible.isEmpty()) return Optional.empty();

        List<ColumnMask> masks = new ArrayList<>();
        List<EffectivePolicy> maskPolicies = ofType(matching, PolicyType.COLUMN_MASK);
        for (ColumnInfo c : visible) {
            maskPolicies.stream()
                    .filter(e -> matchesColumn(e.policy(), table, c.name())).findFirst()
                    .ifPresent(e -> {
                        masks.add(new ColumnMask(c.name(), boundSql(e, table), e.policy().applied()));
                        appliedIds.add(e.policy().id());
                    });
        }
        List<RowFilter> filters = new ArrayList<>();
        for (EffectivePolicy e : ofType(matching, PolicyType.ROW_FILTER)) {
            filters.add(new RowFilter(boundSql(e, table), e.policy().applied()));
            appliedIds.add(e.policy().id());
        }
        List<AppliedPolicy> applied = matching.stream().filter(e -> appliedIds.contains(e.policy().id()))
                .map(e -> e.policy().applied()).toList();
        return Optional.of(new TablePolicy(table, visible, masks, filters, applied));
    }

    private static String boundSql(EffectivePolicy e, TableRef table) {
        if (e.broken()) throw new BindingException("cannot apply " + e.bindingError() + " to " + table);
        return e.bound().sql();
    }

    private static List<EffectivePolicy> ofType(List<EffectivePolicy> list, PolicyType type) {
        return list.stream().filter(e -> e.policy().type() == type).toList();
    }

    private static boolean matchesTable(Policy p, TableRef t) {
        return p.targets().stream().anyMatch(target -> target.matchesTable(t));
    }

    private static boolean matchesColumn(Policy p, TableRef t, String column) {
        return p.targets().stream().anyMatch(target -> target.matchesColumn(t, column));
    }
}
