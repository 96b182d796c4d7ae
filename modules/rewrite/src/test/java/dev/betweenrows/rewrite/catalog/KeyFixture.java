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
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog with keys. {@code customers(id, name, ssn, tenant)}: primary key (id), unique (ssn), unique
 * {@code customers_ssn_name_key} (name, tenant) whose name mentions ssn; {@code orders(id, line, customer_id,
 * note)}: primary key (id, line), unique index (customer_id, line), foreign keys to customers(id) and to
 * secrets(id); {@code secrets(id, value)}: primary key (id). Alice may not see {@code secrets}; Bob may not see
 * {@code orders.line} nor {@code customers.ssn}.
 */
final class KeyFixture {
    static final DataSourceRef DS = new DataSourceRef("ds-keys", "shop", AccessMode.OPEN);
    static final TableRef CUSTOMERS = new TableRef("public", "customers"), SECRETS = new TableRef("public", "secrets");

    static final CatalogSnapshot CATALOG = new CatalogSnapshot("ds-keys", 1, List.of(
            table("customers", List.of(pk("customers_pkey", "id"), unique("customers_ssn_key", "ssn"),
                    unique("customers_ssn_name_key", "name", "tenant")), "id:integer", "name:text", "ssn:text",
                    "tenant:text"),
            table("orders", List.of(pk("orders_pkey", "id", "line"),
                    TableKey.unique(TableKey.Kind.UNIQUE_INDEX, "orders_cust_ui", List.of("customer_id", "line")),
                    TableKey.foreign("orders_customer_id_fkey", List.of("customer_id"), CUSTOMERS, List.of("id")),
                    TableKey.foreign("orders_note_fkey", List.of("note"), SECRETS, List.of("id"))),
                    "id:integer", "line:integer", "customer_id:integer", "note:integer"),
            table("secrets", List.of(pk("secrets_pkey", "id")), "id:integer", "value:text")));

    /**
     * Keys named after customers.ssn: the foreign key orders(customer_id) → customers(id), and a unique
     * {@code customers_a_ssn_key} (name) whose default name would repeat the unique index {@code customers_name_key}.
     */
    static final CatalogSnapshot SSN_NAMED_CATALOG = new CatalogSnapshot("ds-keys", 1, List.of(
            table("customers", List.of(pk("customers_pkey", "id"), unique("customers_a_ssn_key", "name"),
                    TableKey.unique(TableKey.Kind.UNIQUE_INDEX, "customers_name_key", List.of("name"))),
                    "id:integer", "name:text", "ssn:text"),
            table("orders", List.of(TableKey.foreign("orders_customer_by_ssn_fkey", List.of("customer_id"),
                    CUSTOMERS, List.of("id"))), "id:integer", "customer_id:integer")));

    private KeyFixture() {}

    /** Bob (customers.ssn hidden) over {@link #SSN_NAMED_CATALOG}. */
    static GuardSession bobWithSsnNamedKey() {
        UserContext user = new UserContext("u-bob", "bob", Map.of());
        List<Policy> policies = List.of(policy("no-ssn", PolicyType.COLUMN_DENY, "customers", "ssn"));
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), DS.id(), Scope.ALL, null, 100)).toList();
        return new GuardSession(1, user, DS, EffectivePolicies.resolve(user, Set.of(), DS, as, policies, List.of()),
                SSN_NAMED_CATALOG);
    }

    static GuardSession alice() {
        return session(new UserContext("u-alice", "alice", Map.of()),
                List.of(policy("no-secrets", PolicyType.TABLE_DENY, "secrets")));
    }

    static GuardSession bob() {
        return session(new UserContext("u-bob", "bob", Map.of()), List.of(
                policy("no-line", PolicyType.COLUMN_DENY, "orders", "line"),
                policy("no-ssn", PolicyType.COLUMN_DENY, "customers", "ssn")));
    }

    /** The client statement of the block in {@code catalog/answers.sql} that contains every marker. */
    static String clientStatement(String... markers) {
        String text;
        try (InputStream in = KeyFixture.class.getResourceAsStream("/catalog/answers.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String block : text.split("(?m)^-- client\\s*\\n")) {
            int end = block.indexOf("\n-- answer");
            if (end < 0) continue;
            String client = block.substring(0, end);
            if (Arrays.stream(markers).allMatch(client::contains)) return client;
        }
        throw new AssertionError("no client statement with " + Arrays.toString(markers));
    }

    private static GuardSession session(UserContext user, List<Policy> policies) {
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), DS.id(), Scope.ALL, null, 100)).toList();
        return new GuardSession(1, user, DS, EffectivePolicies.resolve(user, Set.of(), DS, as, policies, List.of()),
                CATALOG);
    }

    private static Policy policy(String name, PolicyType type, String table, String... columns) {
        return new Policy("p-" + name, name, type, List.of(Target.of(List.of("public"), List.of(table),
                List.of(columns))), null, true, 1);
    }

    private static TableKey pk(String name, String... columns) {
        return TableKey.unique(TableKey.Kind.PRIMARY_KEY, name, List.of(columns));
    }

    private static TableKey unique(String name, String... columns) {
        return TableKey.unique(TableKey.Kind.UNIQUE, name, List.of(columns));
    }

    private static CatalogTable table(String name, List<TableKey> keys, String... columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (String c : columns) cols.add(new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)));
        return new CatalogTable(new TableRef("public", name), "public", TableKind.TABLE, cols, keys);
    }
}
