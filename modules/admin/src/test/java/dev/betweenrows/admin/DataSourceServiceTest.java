package dev.betweenrows.admin;

import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.Passwords;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static dev.betweenrows.admin.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/datasources}, {@code /datasource-types}, access grants, against a real embedded store. */
@ServerTest
class DataSourceServiceTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final DataPlaneSessions SESSIONS = new DataPlaneSessions();
    private static final String SECRET = "upstream-Secret-4711";
    private final Api api;

    DataSourceServiceTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminContext c = FIXTURE.ctx;
        AdminServer.routing(routing, new AdminContext(c.options(), FIXTURE.store, SESSIONS, c.tokens(), c.revocations(), c.clock()));
    }

    private String create(String name, int port) {
        return api.post("/api/v1/datasources", "{\"name\":" + q(name) + ",\"ds_type\":\"postgres\",\"config\":{\"host\":\"127.0.0.1\","
                + "\"port\":" + port + ",\"database\":\"shop\",\"username\":\"reader\",\"password\":" + q(SECRET)
                + ",\"sslmode\":\"disable\"}}").expect(201).json().getString("id");
    }

    @Test
    void createReadUpdateDeleteNeverReturnTheSecret() {
        String id = create("shop-main", 5432);
        var got = api.get("/api/v1/datasources/" + id).expect(200);
        JsonObject config = got.json().getJsonObject("config");
        assertTrue(config.getBoolean("password_set"));
        assertFalse(config.containsKey("password"));
        assertEquals("policy_required", got.json().getString("access_mode"), "BetweenRows' default");
        assertFalse(got.body().contains(SECRET));
        // PUT merges config; an empty password keeps the stored one
        var put = api.put("/api/v1/datasources/" + id, "{\"config\":{\"port\":6543,\"password\":\"\"},\"access_mode\":\"open\"}").expect(200);
        assertEquals(6543, put.json().getJsonObject("config").getInt("port"));
        assertEquals("shop", put.json().getJsonObject("config").getString("database"));
        assertEquals("open", put.json().getString("access_mode"));
        assertEquals(SECRET, new String(FIXTURE.store.dataSources().revealPassword(id).orElseThrow()));
        // flat fields (improved shape) work too
        api.put("/api/v1/datasources/" + id, "{\"host\":\"db.internal\"}").expect(200);
        assertEquals("db.internal", api.get("/api/v1/datasources/" + id).json().getJsonObject("config").getString("host"));
        var list = api.get("/api/v1/datasources?search=shop-m").expect(200);
        assertEquals(1, list.json().getInt("total"));
        assertFalse(list.body().contains(SECRET));
        api.delete("/api/v1/datasources/" + id).expect(204);
        assertTrue(SESSIONS.ended.contains("ds:" + id), "deleting a data source ends its sessions");
        api.get("/api/v1/datasources/" + id).expect(404);
        String audit = FIXTURE.store.audit().list(AuditFilter.ALL, new PageRequest(1, 500)).items().toString();
        assertTrue(audit.contains(id));
        assertFalse(audit.contains(SECRET), "no secret in the admin audit");
    }

    @Test
    void errorsHaveTheRightStatus() {
        api.get("/api/v1/datasources/no-such-id").expect(404);
        api.put("/api/v1/datasources/no-such-id", "{}").expect(404);
        assertEquals("validation_failed", api.post("/api/v1/datasources", "{\"name\":\"1bad\",\"config\":{\"host\":\"h\",\"database\":\"d\",\"username\":\"u\"}}")
                .expect(422).error());
        api.post("/api/v1/datasources", "{\"name\":\"x\",\"ds_type\":\"mysql\",\"config\":{\"host\":\"h\",\"database\":\"d\",\"username\":\"u\"}}").expect(422);
        api.post("/api/v1/datasources", "{\"name\":\"x\",\"config\":{\"host\":\"h/db?sslmode=disable\",\"database\":\"d\",\"username\":\"u\"}}").expect(422);
        api.post("/api/v1/datasources", "{\"name\":\"x\",\"config\":{\"host\":\"h\",\"database\":\"d\",\"username\":\"u\",\"sslmode\":\"allow\"}}").expect(422);
        api.post("/api/v1/datasources", "{\"name\": ").expect(400);
        assertEquals(415, api.raw(api.client().post("/api/v1/datasources"), "text/plain", "name=x").status());
        create("dup-name", 5432);
        api.post("/api/v1/datasources", "{\"name\":\"dup-name\",\"config\":{\"host\":\"h\",\"database\":\"d\",\"username\":\"u\"}}").expect(409);
    }

    @Test
    void typesListPostgresWithItsSecretField() {
        var types = api.get("/api/v1/datasource-types").expect(200).array();
        JsonObject pg = types.getJsonObject(0);
        assertEquals("postgres", pg.getString("ds_type"));
        assertTrue(pg.getJsonArray("fields").stream().map(JsonObject.class::cast)
                .anyMatch(f -> f.getString("key").equals("password") && f.getBoolean("secret")));
    }

    @Test
    void aFailedConnectionTestSaysWhyWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String id = create("unreachable", closedPort);
        var r = api.post("/api/v1/datasources/" + id + "/test", "{}").expect(200).json();
        assertFalse(r.getBoolean("success"));
        assertTrue(r.getString("message").contains("cannot reach 127.0.0.1:" + closedPort), r.getString("message"));
        assertFalse(r.toString().contains(SECRET));
        api.post("/api/v1/datasources/nope/test", "{}").expect(404);
    }

    @Test
    void accessGrantsForUsersRolesAndAllEndRevokedSessions() {
        String ds = create("granted", 5432);
        String alice = FIXTURE.store.users().create(new NewUser("alice-ds", Passwords.scramVerifier("Passw0rd!x".toCharArray()), false)).id();
        String bob = FIXTURE.store.users().create(new NewUser("bob-ds", Passwords.scramVerifier("Passw0rd!x".toCharArray()), false)).id();
        String role = FIXTURE.store.roles().create("ds-readers", null, dev.betweenrows.store.Actor.SYSTEM).id();
        FIXTURE.store.roles().addMember(role, bob, dev.betweenrows.store.Actor.SYSTEM);
        var users = api.put("/api/v1/datasources/" + ds + "/users", "{\"user_ids\":[" + q(alice) + "]}").expect(200).json();
        assertEquals(alice, users.getJsonArray("user_ids").getString(0));
        api.put("/api/v1/datasources/" + ds + "/access/roles", "{\"role_ids\":[" + q(role) + "]}").expect(200);
        assertEquals(role, api.get("/api/v1/datasources/" + ds + "/access/roles").json().getJsonArray("role_ids").getString(0));
        assertFalse(api.get("/api/v1/datasources/" + ds + "/access/all").json().getBoolean("enabled"));
        api.put("/api/v1/datasources/" + ds + "/access/all", "{\"enabled\":true}").expect(200);
        assertTrue(api.get("/api/v1/datasources/" + ds + "/access/all").json().getBoolean("enabled"));
        // unknown ids change nothing
        api.put("/api/v1/datasources/" + ds + "/users", "{\"user_ids\":[" + q(alice) + ",\"ghost\"]}").expect(422);
        api.put("/api/v1/datasources/" + ds + "/access/roles", "{\"role_ids\":[\"ghost\"]}").expect(422);
        api.put("/api/v1/datasources/" + ds + "/users", "{}").expect(422);
        api.get("/api/v1/datasources/nope/users").expect(404);
        SESSIONS.open(alice, ds);
        SESSIONS.open(bob, ds);
        // alice still has access through "all": her session stays
        api.put("/api/v1/datasources/" + ds + "/users", "{\"user_ids\":[]}").expect(200);
        assertEquals(2, SESSIONS.list().size());
        api.put("/api/v1/datasources/" + ds + "/access/all", "{\"enabled\":false}").expect(200);
        assertTrue(SESSIONS.ended.contains("user-on-ds:" + alice + "@" + ds), SESSIONS.ended.toString());
        assertFalse(SESSIONS.ended.contains("user-on-ds:" + bob + "@" + ds), "bob keeps access through his role");
        api.put("/api/v1/datasources/" + ds + "/access/roles", "{\"role_ids\":[]}").expect(200);
        assertTrue(SESSIONS.ended.contains("user-on-ds:" + bob + "@" + ds));
        assertTrue(SESSIONS.list().stream().noneMatch(s -> s.dataSourceId().equals(ds)));
    }
}
