package dev.betweenrows.admin;

import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.PolicyDraft;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/attribute-definitions}: typed definitions, partial updates, guarded deletes. */
@ServerTest
class AttributeDefinitionServiceTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final String BASE = "/api/v1/attribute-definitions";
    private final ApiClient api;

    AttributeDefinitionServiceTest(Http1Client client) {
        this.api = ApiClient.login(client, AdminFixture.ADMIN, AdminFixture.PASSWORD);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminServer.routing(routing, context(FIXTURE, new TerminationRecorder()));
    }

    private JsonObject define(String json) {
        return api.post(BASE, json).expect(201).json();
    }

    @Test
    void createAcceptsBetweenRowsStringDefaultsAndTypedOnes() {
        JsonObject level = define("{\"key\":\"level\",\"entity_type\":\"user\",\"display_name\":\"Level\",\"value_type\":\"integer\",\"default_value\":\"3\"}");
        assertEquals(3, level.getInt("default_value"));
        assertEquals("user", level.getString("entity_type"));
        JsonObject depts = define("{\"key\":\"depts\",\"value_type\":\"list\",\"default_value\":\"[\\\"sales\\\"]\",\"allowed_values\":[\"sales\",\"ops\"]}");
        assertEquals(List.of("sales"), depts.getJsonArray("default_value").getValuesAs(JsonString::getString));
        JsonObject flag = define("{\"key\":\"flag\",\"value_type\":\"boolean\",\"default_value\":false}");
        assertEquals(false, flag.getBoolean("default_value"));
        assertEquals("level", api.get(BASE + "/" + level.getString("id")).expect(200).json().getString("key"));
        assertEquals(level.getString("id"), api.get(BASE + "/level").expect(200).json().getString("id"), "by key too");
        assertTrue(actions(audit(FIXTURE, "attribute_definition", level.getString("id"))).contains("create"));
    }

    @Test
    void createRefusesWhatCannotWork() {
        for (String bad : List.of(
                "{\"key\":\"username\",\"value_type\":\"string\"}",           // reserved
                "{\"key\":\"9x\",\"value_type\":\"string\"}",                 // key pattern
                "{\"key\":\"k1\",\"value_type\":\"float\"}",                  // unknown type
                "{\"key\":\"k2\"}",                                           // type missing
                "{\"value_type\":\"string\"}",                                // key missing
                "{\"key\":\"k3\",\"value_type\":\"integer\",\"default_value\":\"three\"}",
                "{\"key\":\"k4\",\"value_type\":\"string\",\"default_value\":\"x\",\"allowed_values\":[\"a\"]}",
                "{\"key\":\"k5\",\"value_type\":\"string\",\"entity_type\":\"table\"}",
                "{\"key\":\"k6\",\"value_type\":\"string\",\"allowed_values\":\"a\"}")) {
            assertEquals("validation_failed", api.post(BASE, bad).expect(422).error(), bad);
        }
        define("{\"key\":\"dup\",\"value_type\":\"string\"}");
        api.post(BASE, "{\"key\":\"dup\",\"value_type\":\"string\"}").expect(409);
        api.post(BASE, "{\"key\":").expect(400);
        api.send(io.helidon.http.Method.POST, BASE, "key=x", "text/plain").expect(415);
        api.anonymous().get(BASE).expect(401);
        api.get(BASE + "/nope").expect(404);
        api.put(BASE + "/nope", "{}").expect(404);
        api.delete(BASE + "/nope").expect(404);
    }

    @Test
    void listFiltersByEntityTypeAndSearchWithPaging() {
        define("{\"key\":\"region_code\",\"display_name\":\"Sales region\",\"value_type\":\"string\"}");
        JsonObject page = api.get(BASE + "?search=SALES%20REG&entity_type=user&page=1&page_size=10").expect(200).json();
        assertEquals(1, page.getInt("total"));
        assertEquals("region_code", page.getJsonArray("data").getJsonObject(0).getString("key"));
        assertEquals(0, api.get(BASE + "?entity_type=table").expect(200).json().getInt("total"));
        assertEquals(1, api.get(BASE + "?page_size=1").expect(200).json().getJsonArray("data").size());
    }

    @Test
    void updateIsPartialAndKeepsUsersValuesValid() {
        String id = define("{\"key\":\"tier\",\"display_name\":\"Tier\",\"value_type\":\"string\",\"allowed_values\":[\"gold\",\"silver\"],\"description\":\"d\"}").getString("id");
        JsonObject u = api.put(BASE + "/" + id, "{\"display_name\":\"Customer tier\"}").expect(200).json();
        assertEquals("d", u.getString("description"), "absent fields are kept");
        assertEquals(2, u.getJsonArray("allowed_values").size());
        assertTrue(api.put(BASE + "/" + id, "{\"description\":null}").expect(200).json().isNull("description"), "null clears");
        var user = FIXTURE.store.users().create(new NewUser("tier-holder", Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), false));
        FIXTURE.store.users().setAttributes(user.id(), java.util.Map.of("tier", new dev.betweenrows.policy.AttributeValue.Text("gold")), Actor.SYSTEM);
        assertTrue(api.put(BASE + "/" + id, "{\"value_type\":\"integer\"}").expect(409).body().contains("1 users"));
        api.put(BASE + "/" + id, "{\"allowed_values\":[\"silver\"]}").expect(409);
        api.put(BASE + "/" + id, "{\"allowed_values\":[\"gold\",\"silver\",\"bronze\"]}").expect(200);
        api.put(BASE + "/" + id, "{\"key\":\"other\"}").expect(422);
        api.put(BASE + "/" + id, "{\"default_value\":\"platinum\"}").expect(422);
        assertEquals(List.of("update", "update", "update", "create"), actions(audit(FIXTURE, "attribute_definition", id)));
    }

    @Test
    void deletingAReferencedDefinitionIsRefusedUnlessForcedAndThePolicyStays() {
        String id = define("{\"key\":\"org\",\"value_type\":\"string\"}").getString("id");
        var policy = FIXTURE.store.policies().create(new PolicyDraft("org-filter", PolicyType.ROW_FILTER, null,
                List.of(Target.of(List.of("public"), List.of("*"), List.of())), "org = {user.org}", true), Actor.SYSTEM);
        JsonObject refused = api.delete(BASE + "/" + id).expect(409).json();
        assertEquals("org-filter", refused.getJsonArray("policies").getJsonObject(0).getString("name"));
        assertEquals(policy.id(), refused.getJsonArray("policies").getJsonObject(0).getString("id"));
        api.delete(BASE + "/" + id + "?force=maybe").expect(400);
        api.delete(BASE + "/" + id + "?force=true").expect(204);
        api.get(BASE + "/" + id).expect(404);
        assertTrue(FIXTURE.store.policies().findById(policy.id()).isPresent(), "the policy stays (and fails closed)");
        assertTrue(actions(audit(FIXTURE, "attribute_definition", id)).contains("delete"));
        String unused = define("{\"key\":\"unused\",\"value_type\":\"string\"}").getString("id");
        api.delete(BASE + "/unused").expect(204);
        api.get(BASE + "/" + unused).expect(404);
    }
}
