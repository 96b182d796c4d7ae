package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed catalog with real policies: {@code public.secrets} and all of {@code hr} hidden (table deny),
 * {@code customers.ssn} masked to a string (text), {@code customers.score} masked to {@code (0)::int8} (bigint),
 * {@code customers.credit_limit} denied. Alice has them; Bob has no policies at all.
 */
final class CatalogFixture {
    static final DataSourceRef DS = new DataSourceRef("ds1", "shop", AccessMode.OPEN);
    static final UserContext ALICE = new UserContext("u-alice", "alice", Map.of());
    static final UserContext BOB = new UserContext("u-bob", "bob", Map.of());

    static final CatalogSnapshot CATALOG = new CatalogSnapshot("ds1", 3, List.of(
            table("public", "orders", TableKind.TABLE, "id:integer", "customer_id:integer", "amount:numeric(10,2)",
                    "created_at:timestamp with time zone", "meta:jsonb"),
            table("public", "customers", TableKind.TABLE, "id:integer", "name:character varying(100)", "ssn:text",
                    "score:integer", "credit_limit:numeric"),
            table("public", "v_orders", TableKind.VIEW, "id:integer", "amount:numeric(10,2)"),
            table("public", "secrets", TableKind.TABLE, "id:integer", "value:text"),
            table("hr", "salaries", TableKind.TABLE, "employee:text", "salary:numeric")));

    private CatalogFixture() {}

    static GuardSession alice() {
        List<Policy> policies = List.of(
                policy("ssn-mask", PolicyType.COLUMN_MASK, "'***-**-' || right(ssn, 4)", "public", "customers", "ssn"),
                policy("score-mask", PolicyType.COLUMN_MASK, "(0)::int8", "public", "customers", "score"),
                policy("limit-deny", PolicyType.COLUMN_DENY, null, "public", "customers", "credit_limit"),
                policy("no-secrets", PolicyType.TABLE_DENY, null, "public", "secrets"),
                policy("no-hr", PolicyType.TABLE_DENY, null, "hr", "*"));
        return session(ALICE, policies);
    }

    static GuardSession bob() {
        return session(BOB, List.of());
    }

    private static GuardSession session(UserContext user, List<Policy> policies) {
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), "ds1", Scope.ALL, null, 100)).toList();
        EffectivePolicies effective = EffectivePolicies.resolve(user, Set.of(), DS, as, policies, List.of());
        return new GuardSession(1, user, DS, effective, CATALOG);
    }

    private static Policy policy(String name, PolicyType type, String expression, String schema, String table,
                                 String... columns) {
        Target target = Target.of(List.of(schema), List.of(table), List.of(columns));
        return new Policy("p-" + name, name, type, List.of(target), expression, true, 1);
    }

    private static CatalogTable table(String schema, String name, TableKind kind, String... columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (String c : columns) cols.add(new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)));
        return new CatalogTable(new TableRef(schema, name), schema, kind, cols);
    }
}
