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
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.rewrite.guard.CalciteQueryGuard;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.ProxyServer;
import dev.betweenrows.wire.UpstreamTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real CalciteQueryGuard in front of a real PostgreSQL database {@code guarded}: {@code customers} has a row
 * filter (tenant) and a mask (ssn), {@code secrets} a table deny; {@code nums} is open. The resolver's policies
 * and grant can be changed by the test, which bumps {@link DataSourceResolver#version()}.
 */
final class GuardedFixture implements AutoCloseable {
    static final String ROLE_PASSWORD = "guarded-secret";
    static final String DS_ID = "ds-guarded";
    static final CatalogSnapshot CATALOG = new CatalogSnapshot(DS_ID, 1, List.of(
            table("customers", "id:int4", "name:text", "ssn:text", "tenant:text"),
            table("secrets", "id:int4", "value:text"),
            table("nums", "n:int4")));

    final RecordingAuditSink audit = new RecordingAuditSink();
    final ProxyServer proxy;
    final String db;
    final DataSourceRef ds;
    private final AtomicLong version = new AtomicLong(1);
    private volatile String tenant = "acme";
    private volatile boolean granted = true;

    /** Creates database {@code db} (and its role, once per server) and starts the proxy in front of it. */
    GuardedFixture(PostgresServer pg, String db) {
        this.db = db;
        this.ds = new DataSourceRef(DS_ID, db, AccessMode.OPEN);
        createDatabase(pg, db);
        UpstreamTarget target = new UpstreamTarget("127.0.0.1", pg.port(), db, "guarded_app",
                ROLE_PASSWORD.toCharArray(), UpstreamTarget.TlsMode.DISABLE, null);
        DataSourceResolver resolver = new DataSourceResolver() {
            @Override
            public Optional<DataSourceBinding> resolve(UserRecord user, String database) {
                if (!database.equals(db) || !granted) return Optional.empty();
                UserContext ctx = new UserContext(user.id(), user.username(), Map.of());
                return Optional.of(new DataSourceBinding(ctx, ds, policies(ctx), CATALOG, target));
            }

            @Override
            public long version() {
                return version.get();
            }
        };
        ProxyOptions options = new ProxyOptions("127.0.0.1", 0, 50, 1 << 20, Duration.ZERO, "15.18",
                Duration.ofSeconds(60));
        proxy = ProxyServer.start(options, UpstreamFixture.aliceOnly(),
                new CalciteQueryGuard("15.18", List.of("public"), 100), resolver, audit);
    }

    private static void createDatabase(PostgresServer pg, String db) {
        pg.createDatabase(db);
        try {
            pg.createRole("guarded_app", ROLE_PASSWORD);
        } catch (IllegalStateException e) {
            // another test class on the same server created it
        }
        pg.execute(db,
                "CREATE TABLE customers (id int PRIMARY KEY, name text, ssn text, tenant text)",
                "INSERT INTO customers VALUES (1, 'Ann', '123-45-6789', 'acme'), (2, 'Bob', '987-65-4321', 'other'),"
                        + " (3, 'Cy', '555-55-1234', 'acme')",
                "CREATE TABLE secrets (id int, value text)",
                "INSERT INTO secrets VALUES (1, 'launch code')",
                "CREATE TABLE nums (n int)",
                "INSERT INTO nums SELECT g FROM generate_series(1, 2000) g",
                "GRANT SELECT ON customers, secrets, nums TO guarded_app");
    }

    /** The tenant the customers row filter lets through; takes effect in open sessions. */
    void tenant(String value) {
        tenant = value;
        version.incrementAndGet();
    }

    void grant(boolean on) {
        granted = on;
        version.incrementAndGet();
    }

    private EffectivePolicies policies(UserContext ctx) {
        List<Policy> policies = List.of(
                policy("p-tenant", "customers tenant", PolicyType.ROW_FILTER, "tenant = '" + tenant + "'", "customers"),
                policy("p-ssn", "ssn mask", PolicyType.COLUMN_MASK, "'***-**-' || right(ssn, 4)", "customers", "ssn"),
                policy("p-secrets", "no secrets", PolicyType.TABLE_DENY, null, "secrets"));
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), DS_ID, Scope.ALL, null, 100)).toList();
        return EffectivePolicies.resolve(ctx, Set.of(), ds, as, policies, List.of());
    }

    int port() {
        return proxy.port();
    }

    Connection connect(String... extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", UpstreamFixture.PASSWORD);
        p.setProperty("sslmode", "disable");
        for (int i = 0; i + 1 < extra.length; i += 2) p.setProperty(extra[i], extra[i + 1]);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + db, p);
    }

    PsqlRun psql(String sql) throws Exception {
        return PsqlRun.run(port(), "alice", UpstreamFixture.PASSWORD, db, sql);
    }

    @Override
    public void close() {
        proxy.close();
    }

    private static Policy policy(String id, String name, PolicyType type, String expression, String table,
                                 String... columns) {
        return new Policy(id, name, type, List.of(Target.of(List.of("public"), List.of(table), List.of(columns))),
                expression, true, 3);
    }

    private static CatalogTable table(String name, String... columns) {
        List<ColumnInfo> cols = java.util.Arrays.stream(columns)
                .map(c -> new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))).toList();
        return new CatalogTable(new TableRef("public", name), "public", TableKind.TABLE, cols);
    }
}
