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

/** What users see through real clients: rows, masks, hidden objects, writes, audit, live changes, restart. */
class ProductEndToEndTest extends ShopDeployment {
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

    private JsonObject auditedOne(String marker) throws Exception {
        for (int i = 0; i < 50; i++) {
            JsonArray rows = api.get("/api/v1/audit/queries?search=" + marker).asJsonObject().getJsonArray("data");
            if (!rows.isEmpty()) {
                assertEquals(1, rows.size(), rows.toString());
                return rows.getJsonObject(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit record for " + marker);
    }

    @Test
    @Order(9)
    void everyKindOfOutcomeIsAuditedWithItsFields() throws Exception {
        String m = "kinds_" + System.nanoTime();
        record Case(String sql, String status, String sqlstate, boolean rewritten) {}
        List<Case> cases = List.of(
                new Case("SELECT * FROM secrets /* " + m + "_deny */", "denied", "42P01", false),
                new Case("SELECT pg_read_file('/etc/passwd') /* " + m + "_fn */", "denied", "42883", false),
                new Case("SELEC 1 /* " + m + "_syntax */", "denied", "42601", false),
                new Case("SELECT 1 / (count(*) - count(*)) FROM orders /* " + m + "_upstream */", "error", "22012", true),
                new Case("SET statement_timeout = 50; SELECT pg_sleep(1) /* " + m + "_cancel */", "cancelled", "57014", true));
        for (Case c : cases) {
            Clients.Result r = alice(c.sql());
            assertNotEquals(0, r.exit(), c.sql() + " should fail: " + r.out());
            String tag = c.sql().substring(c.sql().indexOf(m), c.sql().lastIndexOf(" */"));
            JsonObject row = auditedOne(tag);
            assertEquals(c.status(), row.getString("status"), row.toString());
            assertEquals(c.sqlstate(), row.getString("sqlstate"), row.toString());
            assertEquals("alice", row.getString("username"));
            assertEquals("shop", row.getString("datasource_name"));
            assertEquals("psql", row.getString("application_name"));
            assertEquals("simple", row.getString("protocol"));
            assertTrue(row.getString("client_addr").startsWith("127.0.0.1"), row.toString());
            assertTrue(c.sql().contains(row.getString("original_query")), "the exact statement text: " + row);
            assertEquals(c.rewritten(), !row.isNull("rewritten_query"), row.toString());
            assertTrue(row.getJsonNumber("execution_time_micros").longValue() >= 0);
            if (c.status().equals("denied")) {
                assertFalse(row.isNull("reason"), "admins learn why it was denied: " + row);
                assertFalse(r.err().contains(row.getString("reason")), "the client never sees the admin-only reason");
            }
        }
    }
}
