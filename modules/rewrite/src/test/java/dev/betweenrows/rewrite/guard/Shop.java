package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small e-commerce catalog with real policies resolved by the policy module: row filters on orders (two, AND)
 * and customers (tenant from a user attribute), a mask on customers.ssn, a deny on employees.salary, a table deny
 * on secrets. The catalog also has an {@code analytics} schema with its own {@code customers} (not on the path).
 */
public final class Shop {
    public static final DataSourceRef DS = new DataSourceRef("ds1", "shop", AccessMode.OPEN);
    public static final UserContext ALICE = new UserContext("u-alice", "alice",
            Map.of("tenant", new AttributeValue.Text("acme")));

    public static final CatalogSnapshot CATALOG = new CatalogSnapshot("ds1", 7, List.of(
            table("public", "customers", "id", "name", "email", "ssn", "tenant", "created_at"),
            table("public", "orders", "id:integer", "customer_id:integer", "amount:numeric(10,2)", "status", "tenant",
                    "created_at:timestamp with time zone"),
            table("public", "order_items", "id", "order_id", "product_id", "quantity", "price"),
            table("public", "products", "id", "name", "category", "price"),
            table("public", "payments", "id", "order_id", "amount", "method", "paid_at"),
            table("public", "employees", "id", "name", "department", "salary", "manager_id"),
            table("public", "secrets", "id", "value"),
            table("analytics", "customers", "id", "segment")));

    private Shop() {}

    public static List<Policy> policies() {
        return List.of(
                policy("orders-tenant", PolicyType.ROW_FILTER, "tenant = 'acme'", "orders"),
                policy("orders-live", PolicyType.ROW_FILTER, "status <> 'deleted'", "orders"),
                policy("customers-tenant", PolicyType.ROW_FILTER, "tenant = {user.tenant}", "customers"),
                policy("ssn-mask", PolicyType.COLUMN_MASK, "'***-**-' || right(ssn, 4)", "customers", "ssn"),
                policy("salary-deny", PolicyType.COLUMN_DENY, null, "employees", "salary"),
                policy("no-secrets", PolicyType.TABLE_DENY, null, "secrets"));
    }

    public static EffectivePolicies effective(List<Policy> policies) {
        List<Assignment> as = policies.stream()
                .map(p -> new Assignment(p.id(), "ds1", Scope.ALL, null, 100)).toList();
        return EffectivePolicies.resolve(ALICE, Set.of(), DS, as, policies,
                List.of(new AttributeDefinition("tenant", AttributeType.STRING, null, List.of())));
    }

    public static GuardSession session() {
        return new GuardSession(1, ALICE, DS, effective(policies()), CATALOG);
    }

    public static CalciteQueryGuard guard() {
        return new CalciteQueryGuard("15.18", List.of("public"), 100);
    }

    public static GuardDecision check(CalciteQueryGuard guard, String sql) {
        return guard.check(new GuardRequest(session(), Protocol.SIMPLE, sql, List.of()));
    }

    /** Asserts that {@code sql} is forwarded as exactly {@code expected}. */
    public static void assertRewrites(CalciteQueryGuard guard, String sql, String expected) {
        GuardDecision d = check(guard, sql);
        org.junit.jupiter.api.Assertions.assertInstanceOf(GuardDecision.Forward.class, d,
                () -> "expected a rewrite, got " + d);
        org.junit.jupiter.api.Assertions.assertEquals(expected, ((GuardDecision.Forward) d).rewrittenSql());
    }

    /** Asserts that {@code sql} is refused with {@code state} and {@code message}; returns the refusal. */
    public static GuardDecision.Refuse assertRefused(CalciteQueryGuard guard, String sql, String state, String message) {
        GuardDecision d = check(guard, sql);
        org.junit.jupiter.api.Assertions.assertInstanceOf(GuardDecision.Refuse.class, d,
                () -> "expected a refusal, got " + d);
        GuardDecision.Refuse r = (GuardDecision.Refuse) d;
        org.junit.jupiter.api.Assertions.assertEquals(state, r.sqlState());
        org.junit.jupiter.api.Assertions.assertEquals(message, r.message());
        return r;
    }

    private static Policy policy(String name, PolicyType type, String expression, String table, String... columns) {
        Target target = Target.of(List.of("public"), List.of(table), List.of(columns));
        return new Policy("p-" + name, name, type, List.of(target), expression, true, 1);
    }

    private static CatalogTable table(String schema, String name, String... columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        // "name" is a text column, "name:type" one of that type
        Arrays.stream(columns).forEach(c -> cols.add(c.contains(":")
                ? new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))
                : new ColumnInfo(c, "text")));
        return new CatalogTable(new TableRef(schema, name), schema, TableKind.TABLE, cols);
    }
}
