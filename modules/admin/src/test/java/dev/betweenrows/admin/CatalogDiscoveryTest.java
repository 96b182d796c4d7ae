package dev.betweenrows.admin;

import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.betweenrows.admin.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection test and catalog discovery, save and sync against a real PostgreSQL. */
@ServerTest
@WithPostgres
class CatalogDiscoveryTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final Api api;
    private final PostgresServer pg;

    CatalogDiscoveryTest(Http1Client client, PostgresServer pg) {
        this.api = new Api(client);
        this.pg = pg;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminServer.routing(routing, FIXTURE.ctx);
    }

    private String dataSource(String name, String host, int port, String database, String password) {
        return api.post("/api/v1/datasources", "{\"name\":" + q(name) + ",\"ds_type\":\"postgres\",\"config\":{\"host\":" + q(host)
                + ",\"port\":" + port + ",\"database\":" + q(database) + ",\"username\":" + q(pg.superuser())
                + ",\"password\":" + q(password) + ",\"sslmode\":\"require\"}}").expect(201).json().getString("id");
    }

    private JsonObject run(String ds, String body) throws InterruptedException {
        String job = api.post("/api/v1/datasources/" + ds + "/discover", body).expect(202).json().getString("job_id");
        for (int i = 0; i < 300; i++) {
            JsonObject status = api.get("/api/v1/datasources/" + ds + "/discover/" + job).expect(200).json();
            if (!status.getString("status").equals("running")) {
                assertEquals("completed", status.getString("status"), status.toString());
                return status.getJsonObject("result").asJsonObject();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }

    @Test
    void discoverSaveAndSyncWithoutWideningAccess() throws Exception {
        pg.createDatabase("br_disc");
        pg.execute("br_disc", "CREATE SCHEMA shop",
                "CREATE TABLE shop.customers (id int PRIMARY KEY, name text NOT NULL, email varchar(200))",
                "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id int REFERENCES shop.customers(id), total numeric(10,2))",
                "CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 100",
                "CREATE MATERIALIZED VIEW shop.order_totals AS SELECT customer_id, sum(total) AS s FROM shop.orders GROUP BY 1",
                "CREATE UNIQUE INDEX customers_name_ui ON shop.customers (name)",
                "CREATE UNIQUE INDEX customers_lower_ui ON shop.customers (lower(name))",
                "CREATE SCHEMA other", "CREATE TABLE other.t (x int)");
        String ds = dataSource("disc", pg.host(), pg.port(), "br_disc", pg.superuserPassword());
        JsonObject test = api.post("/api/v1/datasources/" + ds + "/test", "{}").expect(200).json();
        assertTrue(test.getBoolean("success"), test.toString());

        JsonObject schemas = run(ds, "{\"action\":\"discover_schemas\"}");
        List<String> names = schemas.getJsonArray("schemas").stream().map(v -> v.asJsonObject().getString("schema_name")).toList();
        assertTrue(names.containsAll(List.of("shop", "other", "public")), names.toString());
        assertFalse(names.contains("pg_catalog") || names.contains("information_schema"), names.toString());

        JsonObject tables = run(ds, "{\"action\":\"discover_tables\",\"schemas\":[\"shop\"]}");
        assertEquals("big_orders=VIEW,customers=TABLE,order_totals=MATERIALIZED VIEW,orders=TABLE",
                tables.getJsonArray("tables").stream().map(JsonObject.class::cast)
                        .map(t -> t.getString("table_name") + "=" + t.getString("table_type")).collect(Collectors.joining(",")));

        JsonObject columns = run(ds, "{\"action\":\"discover_columns\",\"tables\":[{\"schema\":\"shop\",\"table\":\"orders\"}]}");
        JsonObject orders = columns.getJsonArray("tables").getJsonObject(0);
        assertEquals("numeric(10,2)", orders.getJsonArray("columns").getJsonObject(2).getString("data_type"));
        assertEquals(List.of("id"), orders.getJsonArray("primary_key").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject fk = orders.getJsonArray("foreign_keys").getJsonObject(0);
        assertEquals("customers", fk.getString("referenced_table"));
        assertEquals("customer_id", fk.getJsonArray("columns").getString(0));

        JsonObject saved = run(ds, "{\"action\":\"save_catalog\",\"schemas\":[{\"schema_name\":\"shop\",\"schema_alias\":\"store\","
                + "\"is_selected\":true,\"tables\":[{\"table_name\":\"customers\",\"is_selected\":true,\"columns\":["
                + "{\"column_name\":\"id\",\"is_selected\":true},\"name\"]},{\"table_name\":\"orders\",\"is_selected\":true}]}]}");
        assertEquals(2, saved.getInt("selected_tables"));
        assertEquals(5, saved.getInt("selected_columns"));
        JsonObject catalog = api.get("/api/v1/datasources/" + ds + "/catalog").expect(200).json();
        JsonObject shop = catalog.getJsonArray("schemas").getJsonObject(0);
        assertEquals("store", shop.getString("schema_alias"));
        assertEquals(false, column(table(shop, "customers"), "email").getBoolean("is_selected"));
        assertEquals(false, table(shop, "big_orders").getBoolean("is_selected"));
        assertTrue(FIXTURE.store.audit().list(new dev.betweenrows.store.AuditFilter("catalog", ds, null, null, null, null),
                dev.betweenrows.store.PageRequest.FIRST).total() > 0, "catalog saves are audited");

        CatalogTable savedOrders = FIXTURE.store.catalog().snapshot(ds).tables().stream()
                .filter(t -> t.table().equals(new TableRef("shop", "orders"))).findFirst().orElseThrow();
        assertEquals(Set.of(TableKey.unique(TableKey.Kind.PRIMARY_KEY, "orders_pkey", List.of("id")),
                TableKey.foreign("orders_customer_id_fkey", List.of("customer_id"), new TableRef("shop", "customers"),
                        List.of("id"))), Set.copyOf(savedOrders.keys()));
        CatalogTable savedCustomers = FIXTURE.store.catalog().snapshot(ds).tables().stream()
                .filter(t -> t.table().equals(new TableRef("shop", "customers"))).findFirst().orElseThrow();
        assertEquals(Set.of(TableKey.unique(TableKey.Kind.PRIMARY_KEY, "customers_pkey", List.of("id")),
                TableKey.unique(TableKey.Kind.UNIQUE_INDEX, "customers_name_ui", List.of("name"))),
                Set.copyOf(savedCustomers.keys()), "an expression index is not kept");

        pg.execute("br_disc", "ALTER TABLE shop.orders ADD CONSTRAINT orders_total_key UNIQUE (total, id)");
        pg.execute("br_disc", "ALTER TABLE shop.orders ADD COLUMN credit_score int", "CREATE TABLE shop.fresh (a int)",
                "ALTER TABLE shop.customers DROP COLUMN email");
        JsonObject drift = run(ds, "{\"action\":\"sync_catalog\"}");
        assertTrue(drift.getBoolean("applied"));
        assertFalse(drift.getBoolean("has_breaking_changes"), "only an unselected column went away");
        assertEquals("fresh", drift.getJsonArray("added_tables").getJsonObject(0).getString("table_name"));
        String changes = drift.getJsonArray("changed_columns").stream().map(JsonObject.class::cast)
                .map(c -> c.getString("table_name") + "." + c.getString("column_name") + ":" + c.getString("change"))
                .sorted().collect(Collectors.joining(","));
        assertEquals("customers.email:removed,orders.credit_score:added", changes);
        shop = api.get("/api/v1/datasources/" + ds + "/catalog").json().getJsonArray("schemas").getJsonObject(0);
        assertFalse(column(table(shop, "orders"), "credit_score").getBoolean("is_selected"), "a new column is never selected by sync");
        assertFalse(table(shop, "fresh").getBoolean("is_selected"));
        CatalogTable live = FIXTURE.store.catalog().snapshot(ds).tables().stream()
                .filter(t -> t.table().equals(new TableRef("shop", "orders"))).findFirst().orElseThrow();
        assertFalse(live.columns().stream().anyMatch(c -> c.name().equals("credit_score")), "the allowlist did not widen");
        assertTrue(live.keys().contains(TableKey.unique(TableKey.Kind.UNIQUE, "orders_total_key", List.of("total", "id"))),
                "a sync refreshes keys: " + live.keys());

        var events = api.client().get("/api/v1/datasources/" + ds + "/discover/" + api.post("/api/v1/datasources/" + ds
                + "/discover", "{\"action\":\"discover_schemas\"}").json().getString("job_id") + "/events")
                .header(io.helidon.http.HeaderNames.AUTHORIZATION, "Bearer " + token()).request(String.class);
        assertEquals(200, events.status().code());
        String stream = events.entity();
        assertTrue(stream.contains("event:progress") || stream.contains("event: progress"), stream);
        assertTrue(stream.contains("\"type\":\"result\"") && stream.contains("\"type\":\"done\""), stream);
    }

    @Test
    void failuresSayWhyAndOneJobRunsAtATime() throws Exception {
        String wrongPassword = dataSource("wrong-pw", pg.host(), pg.port(), "postgres", "not-the-password-1");
        JsonObject r = api.post("/api/v1/datasources/" + wrongPassword + "/test", "{}").json();
        assertFalse(r.getBoolean("success"));
        assertTrue(r.getString("message").startsWith("authentication failed"), r.getString("message"));
        assertFalse(r.toString().contains("not-the-password-1"));
        String noDb = dataSource("no-db", pg.host(), pg.port(), "no_such_db", pg.superuserPassword());
        assertTrue(api.post("/api/v1/datasources/" + noDb + "/test", "{}").json().getString("message").contains("does not exist"));
        api.post("/api/v1/datasources/" + noDb + "/discover", "{\"action\":\"explode\"}").expect(422);
        api.post("/api/v1/datasources/" + noDb + "/discover", "{\"action\":\"discover_tables\"}").expect(422);
        api.get("/api/v1/datasources/" + noDb + "/discover/ghost").expect(404);

        try (ServerSocket silent = new ServerSocket(0)) {   // accepts, never answers: the job hangs in connect
            String hanging = dataSource("silent", "127.0.0.1", silent.getLocalPort(), "x", "x");
            String job = api.post("/api/v1/datasources/" + hanging + "/discover", "{\"action\":\"discover_schemas\"}")
                    .expect(202).json().getString("job_id");
            api.post("/api/v1/datasources/" + hanging + "/discover", "{\"action\":\"discover_schemas\"}").expect(409);
            assertEquals("cancelled", api.delete("/api/v1/datasources/" + hanging + "/discover/" + job).expect(200).json().getString("status"));
            api.post("/api/v1/datasources/" + hanging + "/discover", "{\"action\":\"sync_catalog\"}").expect(202);
        }
    }

    private String token() {
        var r = api.client().post("/api/v1/auth/login").header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"username\":\"" + AdminFixture.ADMIN + "\",\"password\":\"" + AdminFixture.PASSWORD + "\"}", String.class);
        return AdminFixture.json(r.entity()).getString("token");
    }

    private static JsonObject table(JsonObject schema, String name) {
        JsonArray tables = schema.getJsonArray("tables");
        return tables.stream().map(JsonObject.class::cast).filter(t -> t.getString("table_name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + tables));
    }

    private static JsonObject column(JsonObject table, String name) {
        return table.getJsonArray("columns").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("column_name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name));
    }
}
