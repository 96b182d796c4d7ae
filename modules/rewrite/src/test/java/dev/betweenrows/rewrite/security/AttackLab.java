package dev.betweenrows.rewrite.security;

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
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.testkit.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack lab: an upstream database with hidden rows, masked values, denied columns and tables, each carrying a
 * marker that must never come back ({@link #SECRET_MARKERS}), and the policies that hide them. Policies are resolved
 * by the policy module exactly as in production; sessions differ only in policies, access mode and attributes.
 */
final class AttackLab {
    static final String DB = "attack_lab";

    /** Text that only hidden rows, raw masked values, denied columns or hidden tables hold. */
    static final List<String> SECRET_MARKERS = List.of("HIDDEN", "900-12", "TOPSECRET", "777770", "4111-");
    /** Names the user must not learn unless they wrote them. */
    static final List<String> HIDDEN_NAMES = List.of("secrets", "credit_card", "salary", "analytics", "events",
            "raw_events", "tenant_id_of_other");

    private static volatile boolean seeded;

    private AttackLab() {}

    static synchronized void seed(PostgresServer pg) {
        if (seeded) return;
        pg.createDatabase(DB);
        pg.execute(DB,
                "CREATE TABLE customers (id int PRIMARY KEY, name text, email text, ssn text, tenant text, credit_card text)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, amount numeric(10,2), status text, tenant text, note text)",
                "CREATE TABLE employees (id int PRIMARY KEY, name text, department text, salary int, ssn text)",
                "CREATE TABLE secrets (id int PRIMARY KEY, value text)",
                "CREATE TABLE payments (id int PRIMARY KEY, order_id int, amount numeric(10,2))",
                "CREATE TABLE pg_notes (id int PRIMARY KEY, tenant text, note text)",
                "CREATE TABLE raw_events (id int, payload text)",
                "CREATE TABLE rawdata (id int, payload text)",
                "CREATE SCHEMA analytics",
                "CREATE TABLE analytics.events (id int, payload text)",
                "CREATE TABLE analytics.customers (id int, name text)",
                "INSERT INTO customers VALUES (1, 'Ann', 'ann@acme.test', '900-12-0001', 'acme', '4111-0001'),"
                        + " (2, 'Bob', 'bob@acme.test', '900-12-0002', 'acme', '4111-0002'),"
                        + " (3, 'HIDDEN_CUST_3', 'h3@other.test', '900-12-0003', 'other', '4111-0003'),"
                        + " (4, 'Cid', NULL, NULL, 'acme', NULL),"
                        + " (5, 'HIDDEN_CUST_5', 'h5@other.test', '900-12-0005', 'other', '4111-0005')",
                "INSERT INTO orders VALUES (1, 1, 10, 'paid', 'acme', 'n1'), (2, 1, 20, 'open', 'acme', 'n2'),"
                        + " (3, 2, 30, 'paid', 'acme', 'n3'), (4, 4, 40, 'paid', 'acme', 'n4'),"
                        + " (5, 3, 999.99, 'paid', 'other', 'HIDDEN_ORDER_5'), (6, 5, 0, 'paid', 'other', 'HIDDEN_ORDER_6'),"
                        + " (7, 2, 70, 'deleted', 'acme', 'HIDDEN_DELETED_7')",
                "INSERT INTO employees VALUES (1, 'Eve', 'sales', 777701, '900-12-1001'), (2, 'Fay', 'ops', 777702, '900-12-1002'),"
                        + " (3, 'Gus', 'ops', 777703, '900-12-1003')",
                "INSERT INTO secrets VALUES (1, 'TOPSECRET')",
                "INSERT INTO payments VALUES (1, 1, 10), (2, 5, 999.99)",
                "INSERT INTO pg_notes VALUES (1, 'acme', 'visible note'), (2, 'other', 'HIDDEN_NOTE')",
                "INSERT INTO raw_events VALUES (1, 'HIDDEN_RAW')",
                "INSERT INTO rawdata VALUES (1, 'visible raw')",
                "INSERT INTO analytics.events VALUES (1, 'HIDDEN_EVENT')",
                "INSERT INTO analytics.customers VALUES (1, 'HIDDEN_ANALYTICS_CUST')",
                // Upstream objects outside the proxy's catalog: a user function and a view over everything.
                "CREATE FUNCTION public.leak(text) RETURNS text LANGUAGE sql AS $$ SELECT 'LEAKED:' || $1 $$",
                "CREATE VIEW public.all_orders AS SELECT * FROM orders",
                // Overloads of allowed built-in names: an unqualified call would pick them for these argument types.
                "CREATE FUNCTION public.lower(integer) RETURNS text LANGUAGE sql AS $$ SELECT 'UDF-RAN' $$",
                "CREATE FUNCTION public.round(text) RETURNS text LANGUAGE sql AS $$ SELECT 'UDF-RAN' $$",
                "CREATE FUNCTION public.substring(integer, integer, integer) RETURNS text LANGUAGE sql AS $$ SELECT 'UDF-RAN' $$",
                "CREATE FUNCTION public.any_value(integer) RETURNS text LANGUAGE sql AS $$ SELECT 'UDF-RAN' $$",
                "CREATE FUNCTION public.unnest(integer[]) RETURNS SETOF text LANGUAGE sql AS $$ SELECT 'UDF-RAN' $$",
                "ANALYZE");
        seeded = true;
    }

    static final CatalogSnapshot CATALOG = new CatalogSnapshot("lab", 3, List.of(
            table("public", "customers", "id:int4", "name", "email", "ssn", "tenant", "credit_card"),
            table("public", "orders", "id:int4", "customer_id:int4", "amount:numeric", "status", "tenant", "note"),
            table("public", "employees", "id:int4", "name", "department", "salary:int4", "ssn"),
            table("public", "secrets", "id:int4", "value"),
            table("public", "payments", "id:int4", "order_id:int4", "amount:numeric"),
            table("public", "pg_notes", "id:int4", "tenant", "note"),
            table("public", "raw_events", "id:int4", "payload"),
            table("public", "rawdata", "id:int4", "payload"),
            table("analytics", "events", "id:int4", "payload"),
            table("analytics", "customers", "id:int4", "name")));

    /** The standard policy set: tenant filters, a live-orders filter, an ssn mask, column and table denies. */
    static List<Policy> standardPolicies() {
        return List.of(
                rowFilter("orders-tenant", "orders", "tenant = {user.tenant}"),
                rowFilter("orders-live", "orders", "status <> 'deleted'"),
                rowFilter("customers-tenant", "customers", "tenant = {user.tenant}"),
                rowFilter("notes-tenant", "pg_notes", "tenant = {user.tenant}"),
                mask("ssn-mask", "customers", "ssn", "'***-**-' || right(ssn, 4)"),
                columnDeny("card-deny", "customers", "credit_card"),
                columnDeny("employee-pay-deny", "employees", "salary", "ssn"),
                tableDeny("secrets-deny", List.of("public"), List.of("secrets")),
                tableDeny("analytics-deny", List.of("analytics"), List.of("*")),
                tableDeny("raw-deny", List.of("public"), List.of("raw_*")));
    }

    static GuardSession alice() {
        return session(AccessMode.OPEN, standardPolicies(), Map.of("tenant", new AttributeValue.Text("acme")));
    }

    static GuardSession session(AccessMode mode, List<Policy> policies, Map<String, AttributeValue> attributes) {
        return session(mode, policies, attributes, List.of(new AttributeDefinition("tenant", AttributeType.STRING, null, List.of())));
    }

    static GuardSession session(AccessMode mode, List<Policy> policies, Map<String, AttributeValue> attributes,
                                List<AttributeDefinition> definitions) {
        UserContext user = new UserContext("u-alice", "alice", attributes);
        DataSourceRef ds = new DataSourceRef("lab", "lab", mode);
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), "lab", Scope.ALL, null, 100)).toList();
        EffectivePolicies effective = EffectivePolicies.resolve(user, Set.of(), ds, as, policies, definitions);
        return new GuardSession(1, user, ds, effective, CATALOG);
    }

    static Policy rowFilter(String name, String table, String expression) {
        return policy(name, PolicyType.ROW_FILTER, expression, List.of("public"), List.of(table), List.of());
    }

    static Policy mask(String name, String table, String column, String expression) {
        return policy(name, PolicyType.COLUMN_MASK, expression, List.of("public"), List.of(table), List.of(column));
    }

    static Policy columnDeny(String name, String table, String... columns) {
        return policy(name, PolicyType.COLUMN_DENY, null, List.of("public"), List.of(table), List.of(columns));
    }

    static Policy columnAllow(String name, String table, String... columns) {
        return policy(name, PolicyType.COLUMN_ALLOW, null, List.of("public"), List.of(table), List.of(columns));
    }

    static Policy tableDeny(String name, List<String> schemas, List<String> tables) {
        return policy(name, PolicyType.TABLE_DENY, null, schemas, tables, List.of());
    }

    static Policy policy(String name, PolicyType type, String expression, List<String> schemas, List<String> tables,
                         List<String> columns) {
        return new Policy("pid-" + name, name, type, List.of(Target.of(schemas, tables, columns)), expression, true, 1);
    }

    private static CatalogTable table(String schema, String name, String... columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (String c : columns) {
            String[] parts = c.split(":");
            cols.add(new ColumnInfo(parts[0], parts.length > 1 ? parts[1] : "text"));
        }
        return new CatalogTable(new TableRef(schema, name), schema, TableKind.TABLE, cols);
    }
}
