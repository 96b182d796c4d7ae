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
 * A deployment the way users meet the product: the jlinked image, a real upstream PostgreSQL with a
 * small multi-tenant shop, setup only through the REST API (data source, catalog, attribute, users,
 * grants and three policies). Subclasses exercise it with real clients.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShopDeployment {
    protected static final String ADMIN_PW = "e2e-admin-password";
    protected static final String ALICE_PW = "alice-password-1";
    protected static final String BOB_PW = "bob-password-22";
    protected Path data;
    private String upstreamDb;
    private String upstreamRole;
    protected RunningImage server;
    protected AdminApi api;
    protected int proxyPort;
    protected String dsId;
    protected String bobId;
    protected String tenantPolicyId;

    @BeforeAll
    void setUp(PostgresServer pg) throws Exception {
        // one PostgreSQL serves the whole test run: each deployment gets its own upstream database and role
        upstreamDb = "shop_" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        upstreamRole = "br_" + upstreamDb;
        pg.createDatabase(upstreamDb);
        pg.execute(upstreamDb,
                "CREATE TABLE customers (id int PRIMARY KEY, tenant text NOT NULL, name text, email text)",
                "CREATE TABLE orders (id int PRIMARY KEY, tenant text NOT NULL, customer_id int REFERENCES customers, amount numeric(10,2))",
                "CREATE TABLE secrets (id int, note text)",
                "INSERT INTO customers VALUES (1,'acme','Ann','ann@acme.test'),(2,'acme','Al','al@acme.test'),(3,'globex','Gus','gus@globex.test')",
                "INSERT INTO orders VALUES (1,'acme',1,10.00),(2,'acme',2,20.00),(3,'globex',3,300.00),(4,'acme',1,5.50)",
                "INSERT INTO secrets VALUES (1,'launch codes')");
        pg.createRole(upstreamRole, "upstream-password");
        pg.execute(upstreamDb, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + upstreamRole);

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
                .add("config", Json.createObjectBuilder().add("host", "127.0.0.1").add("port", pg.port()).add("database", upstreamDb)
                        .add("username", upstreamRole).add("password", "upstream-password").add("sslmode", "disable"))
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

    protected Clients.Result alice(String sql) throws Exception {
        return Clients.psql(proxyPort, "shop", "alice", ALICE_PW, "require", sql);
    }

    protected Connection jdbc(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslmode", "require");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxyPort + "/shop", p);
    }

    protected static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
