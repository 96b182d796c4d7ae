package dev.betweenrows.wire.session;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.rewrite.guard.CalciteQueryGuard;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.ProxyServer;
import dev.betweenrows.wire.UpstreamTarget;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The real guard in front of a real PostgreSQL database whose tables have keys, with two users: alice may not see
 * table {@code secrets}; bob may not see {@code customers.ssn} nor {@code orders.line}. The catalog snapshot holds
 * the keys as discovery stores them.
 */
final class KeyedFixture implements AutoCloseable {
    static final String PASSWORD = "keyed horse battery";
    static final String DS_ID = "ds-keyed";
    static final TableRef CUSTOMERS = new TableRef("public", "customers"), SECRETS = new TableRef("public", "secrets");
    static final CatalogSnapshot CATALOG = new CatalogSnapshot(DS_ID, 1, List.of(
            table("customers", List.of(pk("customers_pkey", "id"),
                    TableKey.unique(TableKey.Kind.UNIQUE, "customers_ssn_key", List.of("ssn"))),
                    "id:integer", "name:text", "ssn:text"),
            table("orders", List.of(pk("orders_pkey", "id", "line"),
                    TableKey.unique(TableKey.Kind.UNIQUE_INDEX, "orders_cust_ui", List.of("customer_id", "line")),
                    TableKey.foreign("orders_customer_id_fkey", List.of("customer_id"), CUSTOMERS, List.of("id")),
                    TableKey.foreign("orders_secret_id_fkey", List.of("secret_id"), SECRETS, List.of("id"))),
                    "id:integer", "line:integer", "customer_id:integer", "secret_id:integer"),
            table("secrets", List.of(pk("secrets_pkey", "id")), "id:integer", "value:text")));

    final ProxyServer proxy;
    final String db;

    KeyedFixture(PostgresServer pg, String db) {
        this.db = db;
        pg.createDatabase(db);
        pg.createRole("keyed_app", PASSWORD);
        pg.execute(db,
                "CREATE TABLE customers (id int PRIMARY KEY, name text, ssn text UNIQUE)",
                "CREATE TABLE secrets (id int PRIMARY KEY, value text)",
                "CREATE TABLE orders (id int, line int, customer_id int REFERENCES customers(id),"
                        + " secret_id int REFERENCES secrets(id), PRIMARY KEY (id, line))",
                "CREATE UNIQUE INDEX orders_cust_ui ON orders (customer_id, line)",
                "GRANT SELECT ON customers, secrets, orders TO keyed_app");
        DataSourceRef ds = new DataSourceRef(DS_ID, db, AccessMode.OPEN);
        UpstreamTarget target = new UpstreamTarget("127.0.0.1", pg.port(), db, "keyed_app", PASSWORD.toCharArray(),
                UpstreamTarget.TlsMode.DISABLE, null);
        ProxyOptions options = new ProxyOptions("127.0.0.1", 0, 50, 1 << 20, Duration.ZERO, "15.18",
                Duration.ofSeconds(60));
        proxy = ProxyServer.start(options, users(), new CalciteQueryGuard("15.18", List.of("public"), 100),
                (user, database) -> {
                    if (!database.equals(db)) return Optional.empty();
                    UserContext ctx = new UserContext(user.id(), user.username(), Map.of());
                    return Optional.of(new DataSourceBinding(ctx, ds, policies(ctx, ds), CATALOG, target));
                }, new RecordingAuditSink());
    }

    private static EffectivePolicies policies(UserContext ctx, DataSourceRef ds) {
        List<Policy> policies = ctx.username().equals("alice")
                ? List.of(policy("no-secrets", PolicyType.TABLE_DENY, "secrets"))
                : List.of(policy("no-ssn", PolicyType.COLUMN_DENY, "customers", "ssn"),
                        policy("no-line", PolicyType.COLUMN_DENY, "orders", "line"));
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), DS_ID, Scope.ALL, null, 100)).toList();
        return EffectivePolicies.resolve(ctx, Set.of(), ds, as, policies, List.of());
    }

    int port() {
        return proxy.port();
    }

    Connection connect(String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", PASSWORD);
        p.setProperty("sslmode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + db, p);
    }

    @Override
    public void close() {
        proxy.close();
    }

    /** alice and bob, both with {@link #PASSWORD}. */
    private static UserRepository users() {
        List<UserRecord> all = List.of(
                new UserRecord("u-alice", "alice", Passwords.scramVerifier(PASSWORD.toCharArray()), false, true,
                        Instant.now()),
                new UserRecord("u-bob", "bob", Passwords.scramVerifier(PASSWORD.toCharArray()), false, true,
                        Instant.now()));
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (self, method, args) -> switch (method.getName()) {
                    case "findByUsername" -> all.stream().filter(u -> u.username().equals(args[0])).findFirst();
                    case "findById" -> all.stream().filter(u -> u.id().equals(args[0])).findFirst();
                    case "toString" -> "alice and bob";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Policy policy(String name, PolicyType type, String table, String... columns) {
        return new Policy("p-" + name, name, type, List.of(Target.of(List.of("public"), List.of(table),
                List.of(columns))), null, true, 1);
    }

    private static TableKey pk(String name, String... columns) {
        return TableKey.unique(TableKey.Kind.PRIMARY_KEY, name, List.of(columns));
    }

    private static CatalogTable table(String name, List<TableKey> keys, String... columns) {
        List<ColumnInfo> cols = Arrays.stream(columns)
                .map(c -> new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))).toList();
        return new CatalogTable(new TableRef("public", name), "public", TableKind.TABLE, cols, keys);
    }
}
