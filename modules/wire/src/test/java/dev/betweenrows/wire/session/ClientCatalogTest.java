package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.betweenrows.testkit.WithPostgres;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.ProxyServer;
import dev.betweenrows.wire.UpstreamTarget;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real client libraries' metadata through the proxy with the real guard and a real upstream, for two users with
 * different policies: alice cannot see {@code secrets} nor {@code orders.amount}, and sees {@code customers.ssn}
 * masked; bob cannot see {@code customers} at all but sees {@code secrets}. Each must get its own, correct catalog.
 * Python clients are Debian's ({@code /usr/bin/python3} with python3-psycopg2, python3-sqlalchemy, python3-pyodbc
 * and odbc-postgresql); node-postgres comes from the npm registry.
 */
@WithPostgres
class ClientCatalogTest {
    private static final String DS_ID = "ds-clients", DB = "clientcat", PASSWORD = UpstreamFixture.PASSWORD;
    private static final CatalogSnapshot CATALOG = new CatalogSnapshot(DS_ID, 1, List.of(
            table("customers", "customers_pkey", "id:int4", "name:text", "ssn:text"),
            table("orders", "orders_pkey", "id:int4", "customer_id:int4", "amount:numeric(10,2)", "note:text"),
            table("secrets", null, "id:int4", "value:text")));
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    static ProxyServer proxy;

    @BeforeAll
    static void start(PostgresServer pg) {
        pg.createDatabase(DB);
        try {
            pg.createRole("clients_app", "clients-secret");
        } catch (IllegalStateException e) {
            // created by an earlier run on the same server
        }
        pg.execute(DB, "CREATE TABLE customers (id int PRIMARY KEY, name text, ssn text)",
                "INSERT INTO customers VALUES (1, 'Ann', '123-45-6789')",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, amount numeric(10,2), note text)",
                "INSERT INTO orders VALUES (1, 1, 10.50, 'first')",
                "CREATE TABLE secrets (id int, value text)",
                "GRANT SELECT ON customers, orders, secrets TO clients_app",
                "CREATE FUNCTION public.upstream_only_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "COMMENT ON TABLE orders IS 'upstream comment'");
        DataSourceRef ds = new DataSourceRef(DS_ID, DB, AccessMode.OPEN);
        UpstreamTarget target = new UpstreamTarget("127.0.0.1", pg.port(), DB, "clients_app",
                "clients-secret".toCharArray(), UpstreamTarget.TlsMode.DISABLE, null);
        DataSourceResolver resolver = new DataSourceResolver() {
            @Override
            public Optional<DataSourceBinding> resolve(UserRecord user, String database) {
                if (!database.equals(DB)) return Optional.empty();
                UserContext ctx = new UserContext(user.id(), user.username(), Map.of());
                return Optional.of(new DataSourceBinding(ctx, ds, policies(ctx, ds), CATALOG, target));
            }

            @Override
            public long version() {
                return 1;
            }
        };
        ProxyOptions options = new ProxyOptions("127.0.0.1", 0, 50, 1 << 20, Duration.ZERO, "15.18",
                Duration.ofSeconds(60));
        proxy = ProxyServer.start(options, users("alice", "bob"), new CalciteQueryGuard("15.18", List.of("public"), 100),
                resolver, new RecordingAuditSink());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) proxy.close();
    }

    private static EffectivePolicies policies(UserContext ctx, DataSourceRef ds) {
        List<Policy> policies = ctx.username().equals("alice") ? List.of(
                policy("p-secrets", PolicyType.TABLE_DENY, null, "secrets"),
                policy("p-amount", PolicyType.COLUMN_DENY, null, "orders", "amount"),
                policy("p-ssn", PolicyType.COLUMN_MASK, "'***-**-' || right(ssn, 4)", "customers", "ssn"))
                : List.of(policy("p-customers", PolicyType.TABLE_DENY, null, "customers"));
        List<Assignment> as = policies.stream().map(p -> new Assignment(p.id(), DS_ID, Scope.ALL, null, 100)).toList();
        return EffectivePolicies.resolve(ctx, Set.of(), ds, as, policies, List.of());
    }

    @Test
    void psqlDuAndPgStatActivityShowOnlyTheSession() throws Exception {
        PsqlRun du = PsqlRun.run(proxy.port(), "alice", PASSWORD, DB, "\\du");
        assertEquals(0, du.exit(), du.err());
        assertTrue(du.out().startsWith("alice|"), du.out());
        assertEquals(1, du.out().lines().count(), du.out());
        PsqlRun activity = PsqlRun.run(proxy.port(), "bob", PASSWORD, DB,
                "SELECT usename, datname, state, query FROM pg_stat_activity");
        assertEquals("bob|clientcat|active|SELECT usename, datname, state, query FROM pg_stat_activity",
                activity.out(), activity.err());
        PsqlRun dt = PsqlRun.run(proxy.port(), "bob", PASSWORD, DB, "\\dt");
        assertEquals(List.of("public|orders|table|bob", "public|secrets|table|bob"), dt.out().lines().toList(), dt.err());
    }

    @Test
    void pgjdbcTypeInfoFunctionsAndTablesPerUser() throws Exception {
        for (String user : List.of("alice", "bob")) {
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", user);
            p.setProperty("password", PASSWORD);
            p.setProperty("sslmode", "disable");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DB, p)) {
                java.sql.DatabaseMetaData md = c.getMetaData();
                List<String> types = new ArrayList<>();
                try (java.sql.ResultSet rs = md.getTypeInfo()) {
                    while (rs.next()) types.add(rs.getString("TYPE_NAME"));
                }
                assertTrue(types.containsAll(List.of("int4", "text", "numeric", "jsonb", "_int4")), types.toString());
                assertFalse(types.contains("customers") || types.contains("secrets"), types.toString());
                List<String> functions = new ArrayList<>();
                try (java.sql.ResultSet rs = md.getFunctions(null, "pg_catalog", "array_%")) {
                    while (rs.next()) functions.add(rs.getString("FUNCTION_NAME"));
                }
                assertTrue(functions.contains("array_in") && functions.contains("array_upper"), functions.toString());
                try (java.sql.ResultSet rs = md.getFunctions(null, null, "upstream_only%")) {
                    assertFalse(rs.next(), "no upstream functions are listed");
                }
                List<String> tables = new ArrayList<>();
                try (java.sql.ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
                    while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
                }
                assertEquals(user.equals("alice") ? List.of("customers", "orders") : List.of("orders", "secrets"), tables);
                try (java.sql.ResultSet rs = md.getTables(null, "public", "orders", null)) {
                    assertTrue(rs.next());
                    assertEquals(null, rs.getString("REMARKS"), "comments are not kept");
                }
            }
        }
    }

    @Test
    void psycopg2AndSqlAlchemySeeEachUsersOwnCatalog() throws Exception {
        Assumptions.assumeTrue(python("import psycopg2, sqlalchemy"), "python3-psycopg2/python3-sqlalchemy missing");
        String alice = run(List.of(PYTHON.toString(), script("python_metadata.py")), "alice");
        assertTrue(alice.contains("\"hstore\": \"hstore type not found in the database."), alice);
        assertTrue(alice.contains("\"jsonb\": [\"3802\"]") && alice.contains("\"jsonb_value\": {\"a\": 1}"), alice);
        assertTrue(alice.contains("\"types\": [\"json\", \"jsonb\"]"), alice);
        assertTrue(alice.contains("\"server_version\": [15, 18]"), alice);
        assertTrue(alice.contains("\"current_schema\": \"public\"") && alice.contains("\"scs\": \"on\""), alice);
        assertTrue(alice.contains("\"default_schema\": \"public\""), alice);
        assertTrue(alice.contains("\"schemas\": [\"information_schema\", \"public\"]"), alice);
        assertTrue(alice.contains("\"tables\": [\"customers\", \"orders\"]"), alice);
        assertTrue(alice.contains("\"customers\": [\"id:INTEGER\", \"name:TEXT\", \"ssn:TEXT\"]"), alice);
        assertTrue(alice.contains("\"orders\": [\"id:INTEGER\", \"customer_id:INTEGER\", \"note:TEXT\"]"), alice);
        assertTrue(alice.contains("\"has_table\": {\"customers\": true, \"no_such_table\": false, \"orders\": true, "
                + "\"secrets\": false}"), alice);
        assertFalse(alice.contains("secrets\"]") || alice.contains("amount"), alice);

        String bob = run(List.of(PYTHON.toString(), script("python_metadata.py")), "bob");
        assertTrue(bob.contains("\"tables\": [\"orders\", \"secrets\"]"), bob);
        assertTrue(bob.contains("\"orders\": [\"id:INTEGER\", \"customer_id:INTEGER\", \"amount:NUMERIC(10, 2)\", "
                + "\"note:TEXT\"]"), bob);
        assertTrue(bob.contains("\"secrets\": [\"id:INTEGER\", \"value:TEXT\"]"), bob);
        assertTrue(bob.contains("\"has_table\": {\"customers\": false, \"no_such_table\": false, \"orders\": true, "
                + "\"secrets\": true}"), bob);
        assertFalse(bob.contains("ssn"), bob);
    }

    @Test
    void nodePostgresSeesEachUsersOwnCatalog() throws Exception {
        Path nodeModules = nodePg();
        String alice = run(List.of("node", script("node_metadata.js")), "alice", "NODE_PATH", nodeModules.toString());
        assertEquals("{\"tables\":[\"customers\",\"orders\"],\"orderColumns\":[\"id:integer\",\"customer_id:integer\","
                + "\"note:text\"],\"type1700\":[\"numeric\"],\"activity\":1,\"orderFields\":[\"id:23\","
                + "\"customer_id:23\",\"note:25\"],\"mixed\":\"0A000|Catalog relations (pg_catalog, information_schema)"
                + " are answered by the proxy and tables by the database, so one statement cannot combine them: query"
                + " the catalog and the tables in separate statements.\"}", alice);
        String bob = run(List.of("node", script("node_metadata.js")), "bob", "NODE_PATH", nodeModules.toString());
        assertTrue(bob.startsWith("{\"tables\":[\"orders\",\"secrets\"],\"orderColumns\":[\"id:integer\","
                + "\"customer_id:integer\",\"amount:numeric(10,2)\",\"note:text\"]"), bob);
        assertTrue(bob.contains("\"orderFields\":[\"id:23\",\"customer_id:23\",\"amount:1700\",\"note:25\"]"), bob);
    }

    @Test
    void psqlOdbcTablesColumnsAndPrimaryKeys() throws Exception {
        Assumptions.assumeTrue(python("import pyodbc; assert 'PostgreSQL Unicode' in pyodbc.drivers()"),
                "python3-pyodbc/odbc-postgresql missing");
        String alice = run(List.of(PYTHON.toString(), script("odbc_metadata.py")), "alice");
        assertEquals("{\"columns\": {\"customers\": [\"id\", \"name\", \"ssn\"], \"orders\": [\"id\", \"customer_id\", "
                + "\"note\"]}, \"primary_keys\": {\"customers\": [[\"id\", 1, \"customers_pkey\"]], \"orders\": "
                + "[[\"id\", 1, \"orders_pkey\"]], \"secrets\": []}, \"tables\": [\"customers\", \"orders\"]}", alice);
        String bob = run(List.of(PYTHON.toString(), script("odbc_metadata.py")), "bob");
        assertEquals("{\"columns\": {\"orders\": [\"id\", \"customer_id\", \"amount\", \"note\"], \"secrets\": [\"id\", "
                + "\"value\"]}, \"primary_keys\": {\"customers\": [], \"orders\": [[\"id\", 1, \"orders_pkey\"]], "
                + "\"secrets\": []}, \"tables\": [\"orders\", \"secrets\"]}", bob);
    }

    private static boolean python(String code) throws Exception {
        if (!Files.isExecutable(PYTHON)) return false;
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs a client script with port, user, password and database as arguments; its stdout, or a failure. */
    private static String run(List<String> command, String user, String... env) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of(Integer.toString(proxy.port()), user, PASSWORD, DB));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        for (int i = 0; i + 1 < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("client hung: " + cmd);
        }
        if (p.exitValue() != 0) throw new AssertionError(cmd + " failed (" + p.exitValue() + "): " + err + "\n" + out);
        return out;
    }

    private static String script(String name) throws IOException {
        Path file = Path.of("target/client-scripts").toAbsolutePath().resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = ClientCatalogTest.class.getResourceAsStream("/clients/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file.toString();
    }

    /** node-postgres from the npm registry, installed into the build directory once. */
    private static Path nodePg() throws Exception {
        Path dir = Path.of("target/node-pg").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/pg"))) {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "pg@8")
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("npm install pg: " + log);
        }
        return dir.resolve("node_modules");
    }

    private static UserRepository users(String... names) {
        Map<String, UserRecord> byName = new java.util.HashMap<>();
        for (String n : names) {
            byName.put(n, new UserRecord("u-" + n, n, Passwords.scramVerifier(PASSWORD.toCharArray()), false, true,
                    Instant.now()));
        }
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (self, method, args) -> switch (method.getName()) {
                    case "findByUsername" -> Optional.ofNullable(byName.get((String) args[0]));
                    case "findById" -> byName.values().stream().filter(u -> u.id().equals(args[0])).findFirst();
                    case "toString" -> "test users";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Policy policy(String id, PolicyType type, String expression, String table, String... columns) {
        return new Policy(id, id, type, List.of(Target.of(List.of("public"), List.of(table), List.of(columns))),
                expression, true, 3);
    }

    /** A table whose primary key, when named, is its first column (as upstream). */
    private static CatalogTable table(String name, String primaryKey, String... columns) {
        List<ColumnInfo> cols = java.util.Arrays.stream(columns)
                .map(c -> new ColumnInfo(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))).toList();
        List<TableKey> keys = primaryKey == null ? List.of()
                : List.of(TableKey.unique(TableKey.Kind.PRIMARY_KEY, primaryKey, List.of(cols.get(0).name())));
        return new CatalogTable(new TableRef("public", name), "public", TableKind.TABLE, cols, keys);
    }
}
