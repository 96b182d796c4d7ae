package dev.betweenrows.it;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole product the way users meet it: the jlinked image, a real upstream PostgreSQL, setup
 * only through the REST API, and real clients (psql, pgjdbc, psycopg2, node-postgres).
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductEndToEndTest {
    private static final String ADMIN_PW = "e2e-admin-password";
    private static final String ALICE_PW = "alice-password-1";
    private static final String BOB_PW = "bob-password-22";
    private Path data;
    private RunningImage server;
    private AdminApi api;
    private int proxyPort;
    private String dsId;
    private String bobId;
    private String tenantPolicyId;

    @BeforeAll
    void setUp(PostgresServer pg) throws Exception {
        pg.createDatabase("shop");
        pg.execute("shop",
                "CREATE TABLE customers (id int PRIMARY KEY, tenant text NOT NULL, name text, email text)",
                "CREATE TABLE orders (id int PRIMARY KEY, tenant text NOT NULL, customer_id int REFERENCES customers, amount numeric(10,2))",
                "CREATE TABLE secrets (id int, note text)",
                "INSERT INTO customers VALUES (1,'acme','Ann','ann@acme.test'),(2,'acme','Al','al@acme.test'),(3,'globex','Gus','gus@globex.test')",
                "INSERT INTO orders VALUES (1,'acme',1,10.00),(2,'acme',2,20.00),(3,'globex',3,300.00),(4,'acme',1,5.50)",
                "INSERT INTO secrets VALUES (1,'launch codes')");
        pg.createRole("br_upstream", "upstream-password");
        pg.execute("shop", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO br_upstream");

        data = Files.createTempDirectory("br-e2e");
        server = RunningImage.start(RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", ADMIN_PW));
        Matcher ready = server.await(RunningImage.READY, Duration.ofSeconds(60));
        proxyPort = Integer.parseInt(ready.group(2));
        api = new AdminApi(Integer.parseInt(ready.group(3))).login("admin", ADMIN_PW);
        configure(pg);
    }

    private void configure(PostgresServer pg) throws Exception {
        dsId = api.post("/api/v1/datasources", Json.createObjectBuilder().add("name", "shop").add("ds_type", "postgres")
                .add("access_mode", "open")
                .add("config", Json.createObjectBuilder().add("host", "127.0.0.1").add("port", pg.port()).add("database", "shop")
                        .add("username", "br_upstream").add("password", "upstream-password").add("sslmode", "disable"))
                .build()).getString("id");
        assertTrue(api.post("/api/v1/datasources/" + dsId + "/test", JsonValue.EMPTY_JSON_OBJECT).getBoolean("success"));
        saveCatalog();
        api.post("/api/v1/attribute-definitions", Json.createObjectBuilder().add("key", "tenant").add("entity_type", "user")
                .add("display_name", "Tenant").add("value_type", "string").build());
        api.post("/api/v1/users", Json.createObjectBuilder().add("username", "alice").add("password", ALICE_PW)
                .add("attributes", Json.createObjectBuilder().add("tenant", "acme")).build());
        bobId = api.post("/api/v1/users", Json.createObjectBuilder().add("username", "bob").add("password", BOB_PW)
                .add("attributes", Json.createObjectBuilder().add("tenant", "globex")).build()).getString("id");
        api.put("/api/v1/datasources/" + dsId + "/access/all", Json.createObjectBuilder().add("enabled", true).build());
        tenantPolicyId = policy("tenant isolation", "row_filter", List.of("customers", "orders"), null,
                Json.createObjectBuilder().add("filter_expression", "tenant = {user.tenant}").build());
        policy("mask email", "column_mask", List.of("customers"), "email",
                Json.createObjectBuilder().add("mask_expression", "'***'").build());
        policy("hide secrets", "table_deny", List.of("secrets"), null, null);
    }

    private void saveCatalog() throws Exception {
        var tables = Json.createArrayBuilder();
        for (String t : List.of("customers", "orders", "secrets")) {
            tables.add(Json.createObjectBuilder().add("table_name", t).add("is_selected", true));
        }
        String job = api.post("/api/v1/datasources/" + dsId + "/discover", Json.createObjectBuilder().add("action", "save_catalog")
                .add("schemas", Json.createArrayBuilder().add(Json.createObjectBuilder().add("schema_name", "public")
                        .add("is_selected", true).add("tables", tables))).build()).getString("job_id");
        for (int i = 0; i < 100; i++) {
            JsonObject status = api.get("/api/v1/datasources/" + dsId + "/discover/" + job).asJsonObject();
            if (!status.getString("status").matches("pending|running")) {
                assertEquals("completed", status.getString("status"), status.toString());
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("catalog save did not finish");
    }

    private String policy(String name, String type, List<String> tables, String column, JsonObject definition) throws Exception {
        var target = Json.createObjectBuilder().add("schemas", Json.createArrayBuilder().add("public"))
                .add("tables", Json.createArrayBuilder(tables));
        if (column != null) target.add("columns", Json.createArrayBuilder().add(column));
        var body = Json.createObjectBuilder().add("name", name).add("policy_type", type).add("is_enabled", true)
                .add("targets", Json.createArrayBuilder().add(target));
        if (definition != null) body.add("definition", definition);
        String id = api.post("/api/v1/policies", body.build()).getString("id");
        api.post("/api/v1/datasources/" + dsId + "/policies", Json.createObjectBuilder().add("policy_id", id)
                .add("scope", "all").add("priority", 100).build());
        return id;
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.terminate();
            server.close();
        }
    }

    private Clients.Result alice(String sql) throws Exception {
        return Clients.psql(proxyPort, "shop", "alice", ALICE_PW, "require", sql);
    }

    private Connection jdbc(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslmode", "require");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxyPort + "/shop", p);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    @Order(1)
    void eachUserSeesExactlyTheirRowsWithMaskedColumns() throws Exception {
        Clients.Result a = alice("SELECT id, name, email FROM customers ORDER BY id");
        assertEquals(0, a.exit(), a.err());
        assertEquals("1|Ann|***\n2|Al|***", a.out());
        Clients.Result b = Clients.psql(proxyPort, "shop", "bob", BOB_PW, "require", "SELECT id, name, email FROM customers");
        assertEquals("3|Gus|***", b.out(), b.err());
        assertEquals("35.50", alice("SELECT sum(amount) FROM orders").out());
        assertEquals("Ann|15.50\nAl|20.00", alice("SELECT c.name, sum(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.id"
                + " GROUP BY c.name ORDER BY c.name DESC").out(), "joins and aggregates run upstream over the filtered rows");
    }

    @Test
    @Order(2)
    void masksHoldInWhereAndGroupBy() throws Exception {
        assertEquals("0", alice("SELECT count(*) FROM customers WHERE email = 'ann@acme.test'").out(), "no probing of masked values");
        assertEquals("2", alice("SELECT count(*) FROM customers WHERE email = '***'").out());
        assertEquals("***|2", alice("SELECT email, count(*) FROM customers GROUP BY email").out());
    }

    @Test
    @Order(3)
    void deniedObjectsLookMissingAndWritesAreRefused() throws Exception {
        Clients.Result hidden = alice("SELECT * FROM secrets");
        Clients.Result missing = alice("SELECT * FROM no_such_table");
        assertNotEquals(0, hidden.exit());
        assertTrue(hidden.err().contains("relation \"secrets\" does not exist"), hidden.err());
        assertEquals(missing.err().replace("no_such_table", "secrets"), hidden.err(), "a denied table fails exactly like a missing one");
        Clients.Result write = alice("DELETE FROM orders");
        assertNotEquals(0, write.exit());
        assertTrue(write.err().contains("read-only"), write.err());
        assertFalse((hidden.err() + write.err()).contains("hide secrets"), "errors never name a policy");
    }

    @Test
    @Order(4)
    void pgjdbcPsycopg2AndNodePostgresSeeTheSameRows() throws Exception {
        try (Connection c = jdbc("bob", BOB_PW)) {
            assertEquals(1, count(c, "SELECT count(*) FROM customers"));
            try (var ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
                ps.setInt(1, 3);
                try (ResultSet r = ps.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals("Gus", r.getString(1));
                }
                ps.setInt(1, 1);
                try (ResultSet r = ps.executeQuery()) {
                    assertFalse(r.next(), "alice's customer is invisible to bob, even by primary key");
                }
            }
        }
        if (Clients.hasPsycopg2()) {
            Clients.Result py = Clients.python("import psycopg2,sys; c=psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]),"
                    + " dbname='shop', user='alice', password=sys.argv[2], sslmode='require'); cur=c.cursor();"
                    + " cur.execute('SELECT count(*) FROM orders WHERE amount > %s', (6,)); print(cur.fetchone()[0]); c.close()",
                    Integer.toString(proxyPort), ALICE_PW);
            assertEquals("2", py.out(), py.err());
            Clients.Result named = Clients.python("import psycopg2,sys; c=psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]),"
                    + " dbname='shop', user='alice', password=sys.argv[2], sslmode='require');"
                    + " cur=c.cursor(name='big'); cur.itersize=1; cur.execute('SELECT id, email FROM customers ORDER BY id');"
                    + " print(','.join(f'{r[0]}:{r[1]}' for r in cur)); cur.close(); c.rollback();"
                    + " c.autocommit=False; k=c.cursor(); k.execute('SELECT count(*) FROM orders'); n=k.fetchone()[0]; c.commit();"
                    + " print(n); c.close()",
                    Integer.toString(proxyPort), ALICE_PW);
            assertEquals("1:***,2:***\n3", named.out(), "psycopg2 named (server-side) cursor inside a transaction: " + named.err());
        } else {
            System.err.println("SKIPPED psycopg2 check: python3-psycopg2 is not installed");
        }
        Path nodePg = Clients.nodePg();
        Clients.Result js = Clients.node(nodePg, "const {Client}=require('pg'); const c=new Client({host:'127.0.0.1',"
                + " port:+process.argv[1], database:'shop', user:'bob', password:process.argv[2], ssl:{rejectUnauthorized:false}});"
                + " c.connect().then(()=>c.query('SELECT name FROM customers WHERE id = $1',[3])).then(r=>{console.log(r.rows[0].name);"
                + " return c.end();}).catch(e=>{console.error(e.message); process.exit(1);});",
                Integer.toString(proxyPort), BOB_PW);
        assertEquals("Gus", js.out(), js.err());
        Clients.Result multi = Clients.node(nodePg, "const {Client}=require('pg'); const c=new Client({host:'127.0.0.1',"
                + " port:+process.argv[1], database:'shop', user:'bob', password:process.argv[2], ssl:{rejectUnauthorized:false}});"
                + " c.connect().then(()=>c.query('SELECT count(*) AS n FROM customers; SELECT name FROM customers ORDER BY id'))"
                + ".then(rs=>{console.log(rs.map(r=>JSON.stringify(r.rows)).join('|')); return c.end();})"
                + ".catch(e=>{console.error(e.message); process.exit(1);});",
                Integer.toString(proxyPort), BOB_PW);
        assertEquals("[{\"n\":\"1\"}]|[{\"name\":\"Gus\"}]", multi.out(), "node-postgres multi-statement: " + multi.err());
    }

    @Test
    @Order(5)
    void theAuditHasOneExactRowPerStatement() throws Exception {
        String marker = "audit_marker_" + System.nanoTime();
        String sql = "SELECT count(*) AS " + marker + " FROM orders";
        assertEquals("3", alice(sql).out());
        JsonArray rows = Json.createArrayBuilder().build();
        for (int i = 0; i < 50 && rows.isEmpty(); i++) {
            rows = api.get("/api/v1/audit/queries?search=" + marker).asJsonObject().getJsonArray("data");
            if (rows.isEmpty()) Thread.sleep(100);
        }
        assertEquals(1, rows.size(), rows.toString());
        String metrics = new String(java.net.URI.create("http://127.0.0.1:" + api.port() + "/observe/metrics").toURL()
                .openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(metrics.contains("betweenrows_statements_total{decision=\"allowed\""), "statements by decision are metered");
        assertTrue(metrics.contains("betweenrows_logins_total{decision=\"allowed\""), "logins are metered");
        assertTrue(metrics.contains("betweenrows_audit_backlog"), "the audit backlog is a gauge");
        JsonObject row = rows.getJsonObject(0);
        assertEquals(sql, row.getString("original_query"), "the exact text the client sent");
        assertTrue(row.getString("rewritten_query").contains("tenant = 'acme'"), row.toString());
        assertEquals("allowed", row.getString("status"));
        assertEquals("alice", row.getString("username"));
        assertEquals(1, row.getInt("rows_returned"));
        assertTrue(row.getJsonArray("policies_applied").stream()
                .anyMatch(p -> p.asJsonObject().getString("name").equals("tenant isolation")), row.toString());

        alice("DELETE FROM orders WHERE id = 99 /* " + marker + "_w */");
        JsonArray denied = api.get("/api/v1/audit/queries?status=denied&search=" + marker + "_w").asJsonObject().getJsonArray("data");
        for (int i = 0; i < 50 && denied.isEmpty(); i++) {
            Thread.sleep(100);
            denied = api.get("/api/v1/audit/queries?status=denied&search=" + marker + "_w").asJsonObject().getJsonArray("data");
        }
        assertEquals(1, denied.size());
        assertEquals("25006", denied.getJsonObject(0).getString("sqlstate"));
        assertTrue(denied.getJsonObject(0).isNull("rewritten_query"), "nothing was sent upstream");
    }

    @Test
    @Order(6)
    void aPolicyChangeReachesAnOpenSessionWithinOneSecond() throws Exception {
        try (Connection c = jdbc("alice", ALICE_PW)) {
            assertEquals(2, count(c, "SELECT count(*) FROM customers"));
            long version = api.get("/api/v1/policies/" + tenantPolicyId).asJsonObject().getJsonNumber("version").longValue();
            api.put("/api/v1/policies/" + tenantPolicyId, Json.createObjectBuilder().add("is_enabled", false).add("version", version).build());
            Thread.sleep(1000);
            assertEquals(3, count(c, "SELECT count(*) FROM customers"), "the filter is gone for the open session within 1 s");
            version = api.get("/api/v1/policies/" + tenantPolicyId).asJsonObject().getJsonNumber("version").longValue();
            api.put("/api/v1/policies/" + tenantPolicyId, Json.createObjectBuilder().add("is_enabled", true).add("version", version).build());
            Thread.sleep(1000);
            assertEquals(2, count(c, "SELECT count(*) FROM customers"));
        }
    }

    @Test
    @Order(7)
    void aDeactivatedUsersSessionEnds() throws Exception {
        try (Connection c = jdbc("bob", BOB_PW)) {
            assertEquals(1, count(c, "SELECT count(*) FROM customers"));
            api.put("/api/v1/users/" + bobId, Json.createObjectBuilder().add("is_active", false).build());
            SQLException e = assertThrows(SQLException.class, () -> count(c, "SELECT count(*) FROM customers"));
            assertTrue(e.getSQLState().startsWith("57") || e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
        }
        Clients.Result again = Clients.psql(proxyPort, "shop", "bob", BOB_PW, "require", "SELECT 1");
        assertTrue(again.err().contains("password authentication failed for user \"bob\""), again.err());
    }

    @Test
    @Order(8)
    void aRestartKeepsEverything() throws Exception {
        server.terminate();
        server.close();
        server = RunningImage.start(RunningImage.serverEnv(data));
        Matcher ready = server.await(RunningImage.READY, Duration.ofSeconds(60));
        proxyPort = Integer.parseInt(ready.group(2));
        api = new AdminApi(Integer.parseInt(ready.group(3))).login("admin", ADMIN_PW);
        assertEquals("1|Ann|***\n2|Al|***", alice("SELECT id, name, email FROM customers ORDER BY id").out());
        assertTrue(api.get("/api/v1/audit/queries").asJsonObject().getInt("total") > 5, "the audit survived the restart");
    }

    private long audited(String search) throws Exception {
        return api.get("/api/v1/audit/queries?page_size=1&search=" + search).asJsonObject().getJsonNumber("total").longValue();
    }

    @Test
    @Order(9)
    void underConcurrentLoadTheAuditHasExactlyOneRowPerStatement() throws Exception {
        String marker = "load_" + System.nanoTime();
        int sessions = 12, each = 40;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(sessions)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                done.add(pool.submit(() -> {
                    try (Connection c = jdbc("alice", ALICE_PW); Statement st = c.createStatement()) {
                        for (int i = 0; i < each; i++) {
                            try (ResultSet r = st.executeQuery("SELECT " + session + " AS s, " + i + " AS i, count(*) AS " + marker
                                    + " FROM orders")) {
                                r.next();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) f.get();
        }
        long expected = (long) sessions * each;
        long seen = 0;
        for (int i = 0; i < 100 && seen < expected; i++) {
            seen = audited(marker);
            if (seen < expected) Thread.sleep(100);
        }
        Thread.sleep(500);
        assertEquals(expected, audited(marker), "one audit row per statement, none lost, none doubled");
    }

    @Test
    @Order(10)
    void aKillDashNineLosesNoRecordOfAStatementTheClientSawComplete() throws Exception {
        String marker = "crash_" + System.nanoTime();
        int statements = 200;
        try (Connection c = jdbc("alice", ALICE_PW); Statement st = c.createStatement()) {
            for (int i = 0; i < statements; i++) {
                try (ResultSet r = st.executeQuery("SELECT " + i + " AS " + marker)) {
                    assertTrue(r.next());
                }
            }
            server.kill9();   // right after the last result arrived: the store may not have the last batch yet
        }
        server.close();
        server = RunningImage.start(RunningImage.serverEnv(data));
        Matcher ready = server.await(RunningImage.READY, Duration.ofSeconds(60));
        proxyPort = Integer.parseInt(ready.group(2));
        api = new AdminApi(Integer.parseInt(ready.group(3))).login("admin", ADMIN_PW);
        assertEquals(statements, audited(marker), "measured loss bound: 0 of " + statements + " records after kill -9");
    }

    @Test
    @Order(11)
    void verifyAutomatesThePostUpgradeChecklist() throws Exception {
        String adminUrl = "http://127.0.0.1:" + api.port();
        java.util.Map<String, String> env = java.util.Map.of("BR_VERIFY_ADMIN_PASSWORD", ADMIN_PW, "BR_VERIFY_USER_PASSWORD", ALICE_PW);
        String[] args = {"verify", "--admin-url", adminUrl, "--admin-user", "admin", "--datasource", "shop", "--as-user", "alice",
                "--proxy", "127.0.0.1:" + proxyPort, "--query", "SELECT * FROM customers", "--expect-rows", "2",
                "--expect-rewritten", "tenant = 'acme'"};
        try (RunningImage ok = RunningImage.start(env, args)) {
            assertEquals(0, ok.awaitExit(Duration.ofSeconds(60)), ok.output());
            assertTrue(ok.output().contains("verify: all checks passed"), ok.output());
            assertTrue(ok.output().contains("PASS  the audit shows the query"), ok.output());
        }
        args[args.length - 3] = "3";   // a spot-check that does not hold
        try (RunningImage bad = RunningImage.start(env, args)) {
            assertEquals(1, bad.awaitExit(Duration.ofSeconds(60)), bad.output());
            assertTrue(bad.output().contains("FAIL  row count spot-check: expected 3 rows, got 2"), bad.output());
            assertFalse(bad.output().contains(ALICE_PW) || bad.output().contains(ADMIN_PW), "no secret in the report");
        }
    }

    @Test
    @Order(12)
    void adminsSeeOpenSessionsAndCanTerminateOne() throws Exception {
        try (Connection c = jdbc("alice", ALICE_PW)) {
            assertEquals(2, count(c, "SELECT count(*) FROM customers"));
            JsonObject mine = api.get("/api/v1/sessions").asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.getString("username").equals("alice")).findFirst().orElseThrow();
            assertEquals("shop", mine.getString("datasource_name"));
            assertEquals("idle", mine.getString("state"));
            api.call("DELETE", "/api/v1/sessions/" + mine.getJsonNumber("id").longValue(), null, 204);
            SQLException e = assertThrows(SQLException.class, () -> count(c, "SELECT 1"));
            assertTrue(e.getSQLState().startsWith("57") || e.getSQLState().startsWith("08"), e.getSQLState());
        }
        api.call("GET", "/api/v1/sessions/999999", null, 404);
    }

    @Test
    @Order(13)
    void psqlDescribeCommandsShowOnlyWhatTheUserMaySee() throws Exception {
        Clients.Result tables = alice("\\dt");
        assertEquals(0, tables.exit(), tables.err());
        assertTrue(tables.out().contains("customers") && tables.out().contains("orders"), tables.out());
        assertFalse(tables.out().contains("secrets"), "a denied table is not listed: " + tables.out());
        Clients.Result columns = alice("\\d customers");
        assertEquals(0, columns.exit(), columns.err());
        assertTrue(columns.out().contains("email") && columns.out().contains("tenant"), columns.out());
        Clients.Result hidden = alice("\\d secrets");
        assertFalse(hidden.out().contains("note"), "no columns of a denied table: " + hidden.out());
        assertTrue(hidden.err().contains("Did not find any relation named \"secrets\""), hidden.err());
    }

    @Test
    @Order(14)
    void theBackupCommandWorksWhileTheServerIsServing() throws Exception {
        Path target = Files.createTempDirectory("br-online").resolve("backup");
        try (RunningImage refused = RunningImage.start(RunningImage.serverEnv(data), "backup", "--to", target.toString())) {
            assertEquals(1, refused.awaitExit(Duration.ofSeconds(60)));
            assertTrue(refused.output().contains("--admin-url"), "the refusal says how to back up online: " + refused.output());
        }
        java.util.Map<String, String> env = new java.util.HashMap<>(RunningImage.serverEnv(data));
        env.put("BR_BACKUP_ADMIN_PASSWORD", ADMIN_PW);
        try (RunningImage online = RunningImage.start(env, "backup", "--to", target.toString(),
                "--admin-url", "http://127.0.0.1:" + api.port(), "--admin-user", "admin")) {
            assertEquals(0, online.awaitExit(Duration.ofSeconds(120)), online.output());
            assertTrue(online.output().contains("online backup written by the server to " + target), online.output());
        }
        assertTrue(Files.isDirectory(target) && Files.list(target).findAny().isPresent(), "the backup directory has the store");
        assertEquals(1, alice("SELECT 1").exit() == 0 ? 1 : 0, "the server kept serving");
    }
}
