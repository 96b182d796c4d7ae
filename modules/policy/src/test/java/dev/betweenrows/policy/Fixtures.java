package dev.betweenrows.policy;

import java.util.*;

/** Small builders so each test states only what matters to it. */
final class Fixtures {
    static final DataSourceRef OPEN = new DataSourceRef("ds1", "shop", AccessMode.OPEN);
    static final DataSourceRef REQUIRED = new DataSourceRef("ds1", "shop", AccessMode.POLICY_REQUIRED);
    static final UserContext ALICE = new UserContext("u-alice", "alice",
            Map.of("tenant", new AttributeValue.Text("acme")));
    static final TableRef CUSTOMERS = new TableRef("public", "customers");
    static final TableRef ORDERS = new TableRef("public", "orders");
    static final List<ColumnInfo> CUSTOMER_COLS = cols("id", "name", "email", "ssn", "org");
    static final List<ColumnInfo> ORDER_COLS = cols("id", "email", "amount", "org");
    static final List<AttributeDefinition> DEFS = List.of(
            new AttributeDefinition("tenant", AttributeType.STRING, null, List.of()));

    private Fixtures() {}

    static List<ColumnInfo> cols(String... names) {
        return Arrays.stream(names).map(n -> new ColumnInfo(n, "text")).toList();
    }

    static Target target(String schema, String table, String... columns) {
        return Target.of(List.of(schema), List.of(table), List.of(columns));
    }

    static Policy policy(String name, PolicyType type, String expression, Target... targets) {
        return new Policy("p-" + name, name, type, List.of(targets), expression, true, 1);
    }

    static Policy filter(String name, String expr, String table) {
        return policy(name, PolicyType.ROW_FILTER, expr, target("public", table));
    }

    static Policy mask(String name, String expr, String table, String column) {
        return policy(name, PolicyType.COLUMN_MASK, expr, target("public", table, column));
    }

    static Policy allow(String name, String table, String... columns) {
        return policy(name, PolicyType.COLUMN_ALLOW, null, target("public", table, columns));
    }

    static Policy deny(String name, String table, String... columns) {
        return policy(name, PolicyType.COLUMN_DENY, null, target("public", table, columns));
    }

    static Policy tableDeny(String name, String schema, String table) {
        return policy(name, PolicyType.TABLE_DENY, null, target(schema, table));
    }

    static Assignment toAll(Policy p, int priority) {
        return new Assignment(p.id(), "ds1", Scope.ALL, null, priority);
    }

    static Assignment toUser(Policy p, String userId, int priority) {
        return new Assignment(p.id(), "ds1", Scope.USER, userId, priority);
    }

    static Assignment toRole(Policy p, String roleId, int priority) {
        return new Assignment(p.id(), "ds1", Scope.ROLE, roleId, priority);
    }

    /** Resolves policies all assigned to everyone at priority 100. */
    static EffectivePolicies resolveAll(DataSourceRef ds, Policy... policies) {
        List<Assignment> as = Arrays.stream(policies).map(p -> toAll(p, 100)).toList();
        return EffectivePolicies.resolve(ALICE, Set.of(), ds, as, List.of(policies), DEFS);
    }

    static List<String> names(TablePolicy t) {
        return t.visibleColumns().stream().map(ColumnInfo::name).toList();
    }
}
