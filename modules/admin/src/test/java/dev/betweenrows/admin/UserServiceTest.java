package dev.betweenrows.admin;

import dev.betweenrows.admin.ApiClient.Reply;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserRecord;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/users} against a real embedded store through the product's routing. */
@ServerTest
class UserServiceTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final TerminationRecorder SESSIONS = new TerminationRecorder();
    private static final String NEW_PASSWORD = "Another-Secret-42";
    private final ApiClient api;

    UserServiceTest(Http1Client client) {
        this.api = ApiClient.login(client, AdminFixture.ADMIN, AdminFixture.PASSWORD);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminServer.routing(routing, context(FIXTURE, SESSIONS));
    }

    @BeforeAll
    static void definitions() {
        ApiClient.PASSWORDS.add(NEW_PASSWORD);
        var attrs = FIXTURE.store.attributes();
        attrs.create(new AttributeDefinition("tenant", AttributeType.STRING, null, List.of("acme", "globex")), "Tenant", null, Actor.SYSTEM);
        attrs.create(new AttributeDefinition("clearance", AttributeType.INTEGER, null, List.of()), null, null, Actor.SYSTEM);
        attrs.create(new AttributeDefinition("vip", AttributeType.BOOLEAN, null, List.of()), null, null, Actor.SYSTEM);
        attrs.create(new AttributeDefinition("regions", AttributeType.LIST, null, List.of()), null, null, Actor.SYSTEM);
    }

    private JsonObject create(String username, String extra) {
        return api.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + AdminFixture.PASSWORD + "\"" + extra + "}")
                .expect(201).json();
    }

    @Test
    void createReturnsTheUserWithTypedAttributesAndAcceptsBetweenRowsStringForm() {
        JsonObject u = create("carol", ",\"email\":\"carol@example.com\",\"display_name\":\"Carol\","
                + "\"attributes\":{\"tenant\":\"acme\",\"clearance\":\"3\",\"vip\":true,\"regions\":[\"eu\",\"us\"]}");
        assertEquals("carol", u.getString("username"));
        assertEquals("carol@example.com", u.getString("email"));
        assertFalse(u.getBoolean("is_admin"));
        assertTrue(u.getBoolean("is_active"));
        JsonObject attrs = u.getJsonObject("attributes");
        assertEquals(3, attrs.getInt("clearance"), "BetweenRows' \"3\" becomes a typed integer");
        assertTrue(attrs.getBoolean("vip"));
        assertEquals("acme", attrs.getString("tenant"));
        assertEquals(List.of("eu", "us"), attrs.getJsonArray("regions").getValuesAs(jakarta.json.JsonString::getString));
        UserRecord stored = FIXTURE.store.users().findById(u.getString("id")).orElseThrow();
        assertTrue(Passwords.matches(AdminFixture.PASSWORD.toCharArray(), stored.passwordVerifier()));
        assertEquals(new AttributeValue.Int(3), FIXTURE.store.users().attributes(stored.id()).get("clearance"));
        assertTrue(actions(audit(FIXTURE, "user", stored.id())).containsAll(List.of("create", "update", "set_attributes")));
    }

    @Test
    void createValidatesEverythingBeforeWritingAnything() {
        assertEquals("validation_failed", api.post("/api/v1/users", "{\"username\":\"9lives\",\"password\":\"" + AdminFixture.PASSWORD + "\"}").expect(422).error());
        assertTrue(api.post("/api/v1/users", "{\"username\":\"shorty\",\"password\":\"short\"}").expect(422).body().contains("at least 8"));
        api.post("/api/v1/users", "{\"username\":\"nopass\"}").expect(422);
        Reply unknownAttr = api.post("/api/v1/users", "{\"username\":\"dave\",\"password\":\"" + AdminFixture.PASSWORD
                + "\",\"attributes\":{\"shoe_size\":\"42\"}}").expect(422);
        assertTrue(unknownAttr.body().contains("shoe_size"), unknownAttr.body());
        api.post("/api/v1/users", "{\"username\":\"dave\",\"password\":\"" + AdminFixture.PASSWORD
                + "\",\"attributes\":{\"tenant\":\"initech\"}}").expect(422);
        api.post("/api/v1/users", "{\"username\":\"dave\",\"password\":\"" + AdminFixture.PASSWORD
                + "\",\"attributes\":{\"clearance\":\"high\"}}").expect(422);
        assertTrue(FIXTURE.store.users().findByUsername("dave").isEmpty(), "nothing was created");
        create("erin", "");
        assertEquals("conflict", api.post("/api/v1/users", "{\"username\":\"erin\",\"password\":\"" + AdminFixture.PASSWORD + "\"}").expect(409).error());
    }

    @Test
    void badRequestsGetTheRightStatus() {
        assertEquals("bad_json", api.post("/api/v1/users", "{\"username\":").expect(400).error());
        api.post("/api/v1/users", "[1,2]").expect(400);
        api.send(Method.POST, "/api/v1/users", "username=x", "application/x-www-form-urlencoded").expect(415);
        api.anonymous().get("/api/v1/users").expect(401);
        api.anonymous().post("/api/v1/users", "{}").expect(401);
        api.get("/api/v1/users?page=0").expect(400);
        api.get("/api/v1/users?page_size=abc").expect(400);
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "x%27%20OR%201%3D1")) {
            assertEquals("not_found", api.get("/api/v1/users/" + id).expect(404).error());
            api.put("/api/v1/users/" + id, "{\"is_active\":false}").expect(404);
            api.delete("/api/v1/users/" + id).expect(404);
            api.put("/api/v1/users/" + id + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").expect(404);
            api.get("/api/v1/users/" + id + "/attributes").expect(404);
            api.get("/api/v1/users/" + id + "/effective-policies").expect(404);
        }
    }

    @Test
    void listSearchesAndPages() {
        create("search-one", ",\"display_name\":\"Findme Person\"");
        create("search-two", "");
        JsonObject page = api.get("/api/v1/users?search=FINDME&page=1&page_size=10").expect(200).json();
        assertEquals(1, page.getInt("total"));
        assertEquals("search-one", page.getJsonArray("data").getJsonObject(0).getString("username"));
        JsonObject first = api.get("/api/v1/users?page=1&page_size=2").expect(200).json();
        assertEquals(2, first.getJsonArray("data").size());
        assertEquals(2, first.getInt("page_size"));
        assertTrue(first.getInt("total") >= 4);
        assertEquals(first.getInt("total"), api.get("/api/v1/users/").expect(200).json().getInt("total"), "trailing slash");
    }

    @Test
    void updateIsPartialAndAttributesReplaceTheWholeMap() {
        String id = create("frank", ",\"email\":\"f@example.com\",\"display_name\":\"Frank\",\"attributes\":{\"tenant\":\"acme\",\"vip\":\"true\"}").getString("id");
        JsonObject u = api.put("/api/v1/users/" + id, "{\"display_name\":\"Franky\",\"attributes\":{\"clearance\":2}}").expect(200).json();
        assertEquals("f@example.com", u.getString("email"), "absent fields are kept");
        assertEquals("Franky", u.getString("display_name"));
        assertEquals(Map.of("clearance", new AttributeValue.Int(2)), FIXTURE.store.users().attributes(id));
        assertEquals(2, api.get("/api/v1/users/" + id + "/attributes").expect(200).json().getInt("clearance"));
        JsonObject cleared = api.put("/api/v1/users/" + id, "{\"email\":\"\"}").expect(200).json();
        assertTrue(cleared.isNull("email"), "an empty string clears");
        api.put("/api/v1/users/" + id, "{\"attributes\":{\"vip\":\"maybe\"}}").expect(422);
        api.put("/api/v1/users/" + id, "{\"is_active\":\"false\"}").expect(422);
        api.put("/api/v1/users/" + id, "{\"email\":\"" + "x".repeat(400) + "\"}").expect(422);
        assertEquals(Map.of("clearance", new AttributeValue.Int(2)), FIXTURE.store.users().attributes(id), "a refused update changes nothing");
        api.put("/api/v1/users/" + id + "/attributes", "{\"regions\":[\"eu\"]}").expect(200);
        assertEquals(Map.of("regions", new AttributeValue.Strings(List.of("eu"))), FIXTURE.store.users().attributes(id));
    }

    @Test
    void deactivatingOrDeletingAUserEndsTheirDataPlaneSessions() {
        String id = create("gina", "").getString("id");
        api.put("/api/v1/users/" + id, "{\"email\":\"g@example.com\"}").expect(200);
        assertFalse(SESSIONS.terminatedUsers.contains(id), "an ordinary update keeps sessions");
        assertFalse(api.put("/api/v1/users/" + id, "{\"is_active\":false}").expect(200).json().getBoolean("is_active"));
        assertEquals(1, SESSIONS.terminatedUsers.stream().filter(id::equals).count());
        assertTrue(actions(audit(FIXTURE, "user", id)).contains("deactivate"));

        String other = create("hank", "").getString("id");
        api.delete("/api/v1/users/" + other).expect(204);
        assertTrue(SESSIONS.terminatedUsers.contains(other));
        api.get("/api/v1/users/" + other).expect(404);
        assertTrue(actions(audit(FIXTURE, "user", other)).contains("delete"));
    }

    @Test
    void adminsCannotRemoveThemselvesAndTheLastActiveAdminStays() {
        String self = FIXTURE.store.users().findByUsername(AdminFixture.ADMIN).orElseThrow().id();
        // the fixture's admin is the only active admin here: the last-admin guard answers first
        for (String body : List.of("{\"is_admin\":false}", "{\"is_active\":false}")) {
            assertTrue(api.put("/api/v1/users/" + self, body).expect(409).body().contains("last active admin"));
        }
        assertTrue(api.delete("/api/v1/users/" + self).expect(409).body().contains("last active admin"));

        JsonObject second = create("second-admin", ",\"is_admin\":true");
        ApiClient secondApi = ApiClient.login(api.http(), "second-admin", AdminFixture.PASSWORD);
        String secondId = second.getString("id");
        assertTrue(secondApi.put("/api/v1/users/" + secondId, "{\"is_admin\":false}").expect(409).body().contains("your own"));
        assertTrue(secondApi.put("/api/v1/users/" + secondId, "{\"is_active\":false}").expect(409).body().contains("your own"));
        assertTrue(secondApi.delete("/api/v1/users/" + secondId).expect(409).body().contains("your own"));
        // with two admins, one may demote the other; then the remaining one is the last again
        assertFalse(api.put("/api/v1/users/" + secondId, "{\"is_admin\":false}").expect(200).json().getBoolean("is_admin"));
        secondApi.get("/api/v1/users").expect(401);
        assertTrue(FIXTURE.store.users().findById(self).orElseThrow().admin());
    }

    @Test
    void passwordChangeStoresANewVerifierAndIsAuditedWithoutIt() {
        String id = create("ivy", "").getString("id");
        api.put("/api/v1/users/" + id + "/password", "{\"password\":\"tiny\"}").expect(422);
        api.put("/api/v1/users/" + id + "/password", "{}").expect(422);
        api.send(Method.PUT, "/api/v1/users/" + id + "/password", NEW_PASSWORD, "text/plain").expect(415);
        assertEquals("ivy", api.put("/api/v1/users/" + id + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}")
                .expect(200).json().getString("username"));
        String verifier = FIXTURE.store.users().findById(id).orElseThrow().passwordVerifier();
        assertTrue(Passwords.matches(NEW_PASSWORD.toCharArray(), verifier));
        assertFalse(Passwords.matches(AdminFixture.PASSWORD.toCharArray(), verifier));
        var rows = audit(FIXTURE, "user", id);
        assertTrue(actions(rows).contains("set_password"));
        assertFalse(rows.toString().contains(verifier.substring(20)));
    }

    @Test
    void everyChangeLeavesAnAuditRowNamingTheAdmin() {
        String id = create("jack", "").getString("id");
        api.put("/api/v1/users/" + id, "{\"display_name\":\"Jack\"}").expect(200);
        api.put("/api/v1/users/" + id, "{\"attributes\":{\"vip\":false}}").expect(200);
        api.put("/api/v1/users/" + id + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").expect(200);
        api.delete("/api/v1/users/" + id).expect(204);
        var rows = audit(FIXTURE, "user", id);
        assertEquals(List.of("delete", "set_password", "set_attributes", "update", "create"), actions(rows));
        assertTrue(rows.stream().allMatch(r -> AdminFixture.ADMIN.equals(r.actorName())), rows.toString());
    }

    @Test
    void storeUsersCreatedElsewhereAreVisible() {
        UserRecord u = FIXTURE.store.users().create(new NewUser("kate", Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), false));
        JsonObject got = api.get("/api/v1/users/" + u.id()).expect(200).json();
        assertEquals("kate", got.getString("username"));
        assertEquals(0, got.getJsonObject("attributes").size());
    }
}
