package dev.betweenrows.admin;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.betweenrows.admin.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policies, history, expression validation, assignments, the admin audit list and the OpenAPI document. */
@ServerTest
class PolicyServiceTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final Api api;

    PolicyServiceTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminServer.routing(routing, FIXTURE.ctx);
        FIXTURE.store.attributes().create(new AttributeDefinition("tenant", AttributeType.STRING, null, null),
                "Tenant", null, Actor.SYSTEM);
    }

    private static String rowFilter(String name, String expression) {
        return "{\"name\":" + q(name) + ",\"policy_type\":\"row_filter\",\"targets\":[{\"schemas\":[\"public\"],"
                + "\"tables\":[\"orders\"]}],\"definition\":{\"filter_expression\":" + q(expression) + "}}";
    }

    @Test
    void createGetListAndBrShapes() {
        JsonObject p = api.post("/api/v1/policies", rowFilter("tenant rows", "org = {user.tenant}")).expect(201).json();
        assertEquals(1, p.getInt("version"));
        assertEquals("org = {user.tenant}", p.getJsonObject("definition").getString("filter_expression"));
        assertTrue(p.getBoolean("is_enabled"));
        // a definition sent with column_allow is accepted and cleared (old shape)
        JsonObject allow = api.post("/api/v1/policies", "{\"name\":\"allow all\",\"policy_type\":\"column_allow\",\"targets\":"
                + "[{\"schemas\":[\"*\"],\"tables\":[\"*\"],\"columns\":[\"*\"]}],\"definition\":{\"filter_expression\":\"1=1\"}}")
                .expect(201).json();
        assertTrue(allow.isNull("definition"));
        api.get("/api/v1/policies/" + p.getString("id")).expect(200);
        var list = api.get("/api/v1/policies?search=tenant").expect(200).json();
        assertEquals(1, list.getInt("total"));
        assertEquals(0, list.getJsonArray("data").getJsonObject(0).getInt("assignment_count"));
    }

    @Test
    void invalidPoliciesAre422And404And409() {
        api.post("/api/v1/policies", rowFilter("bad sql", "org = = 1")).expect(422);
        api.post("/api/v1/policies", rowFilter("undefined attr", "org = {user.nope}")).expect(422);
        api.post("/api/v1/policies", rowFilter("bad brace", "org = {user.tenant")).expect(422);
        api.post("/api/v1/policies", rowFilter("inject", "1=1) UNION SELECT (2")).expect(422);
        api.post("/api/v1/policies", rowFilter(" spaced", "1=1")).expect(422);
        api.post("/api/v1/policies", "{\"name\":\"cols\",\"policy_type\":\"row_filter\",\"targets\":[{\"schemas\":[\"s\"],"
                + "\"tables\":[\"t\"],\"columns\":[\"c\"]}],\"definition\":{\"filter_expression\":\"1=1\"}}").expect(422);
        api.post("/api/v1/policies", "{\"name\":\"mask\",\"policy_type\":\"column_mask\",\"targets\":[{\"schemas\":[\"s\"],"
                + "\"tables\":[\"t\"],\"columns\":[\"c\"]}]}").expect(422);
        api.post("/api/v1/policies", "{\"name\":\"no targets\",\"policy_type\":\"table_deny\",\"targets\":[]}").expect(422);
        api.post("/api/v1/policies", "{\"name\":\"typo\",\"policy_type\":\"row_filtr\"}").expect(422);
        api.post("/api/v1/policies", "{").expect(400);
        api.post("/api/v1/policies", rowFilter("dup", "1=1")).expect(201);
        api.post("/api/v1/policies", rowFilter("dup", "1=1")).expect(409);
        api.get("/api/v1/policies/unknown").expect(404);
        assertEquals(415, api.raw(api.client().post("/api/v1/policies"), "text/plain", "x").status());
    }

    @Test
    void staleVersionIsAConflictAndHistoryAndDiffAreReadable() {
        String id = api.post("/api/v1/policies", rowFilter("versioned", "org = 'a'")).expect(201).json().getString("id");
        api.put("/api/v1/policies/" + id, "{\"definition\":{\"filter_expression\":\"org = 'b'\"}}").expect(422);
        JsonObject v2 = api.put("/api/v1/policies/" + id, "{\"version\":1,\"definition\":{\"filter_expression\":\"org = 'b'\"}}")
                .expect(200).json();
        assertEquals(2, v2.getInt("version"));
        assertEquals("versioned", v2.getString("name"), "absent fields keep their value");
        assertEquals("conflict", api.put("/api/v1/policies/" + id, "{\"version\":1,\"is_enabled\":false}").expect(409).error());
        api.put("/api/v1/policies/" + id, "{\"version\":2,\"is_enabled\":false}").expect(200);
        var versions = api.get("/api/v1/policies/" + id + "/versions").expect(200).array();
        assertEquals(3, versions.size());
        assertEquals("create", versions.getJsonObject(0).getString("change_type"));
        JsonObject snapshot = api.get("/api/v1/policies/" + id + "/versions/1").expect(200).json().getJsonObject("snapshot");
        assertEquals("org = 'a'", snapshot.getJsonObject("definition").getString("filter_expression"));
        api.get("/api/v1/policies/" + id + "/versions/9").expect(404);
        JsonObject diff = api.get("/api/v1/policies/" + id + "/diff?from=1&to=2").expect(200).json().getJsonObject("changes");
        assertEquals(java.util.Set.of("definition"), diff.keySet());
        assertEquals("org = 'b'", diff.getJsonObject("definition").getJsonObject("to").getString("filter_expression"));
        assertEquals(java.util.Set.of("is_enabled"), api.get("/api/v1/policies/" + id + "/diff").json().getJsonObject("changes").keySet());
        api.get("/api/v1/policies/" + id + "/diff?from=x").expect(400);
        api.delete("/api/v1/policies/" + id + "?version=1").expect(409);
        api.delete("/api/v1/policies/" + id + "?version=3").expect(204);
        api.get("/api/v1/policies/" + id).expect(404);
        assertEquals("delete", api.get("/api/v1/policies/" + id + "/versions").array().getJsonObject(3).getString("change_type"),
                "history outlives the policy");
    }

    @Test
    void validateExpressionAnswersValidOrWhy() {
        JsonObject good = api.post("/api/v1/policies/validate-expression",
                "{\"expression\":\"'***-**-' || RIGHT(ssn, 4)\",\"is_mask\":true}").expect(200).json();
        assertTrue(good.getBoolean("valid"), good.toString());
        assertTrue(api.post("/api/v1/policies/validate-expression", "{\"expression\":\"tenant = {user.tenant} AND region IN ('a','b')\"}")
                .json().getBoolean("valid"));
        JsonObject bad = api.post("/api/v1/policies/validate-expression", "{\"expression\":\"org = = 1\",\"is_mask\":false}").json();
        assertFalse(bad.getBoolean("valid"));
        assertFalse(bad.getString("error").isBlank());
        assertFalse(api.post("/api/v1/policies/validate-expression", "{\"expression\":\"1; DROP TABLE t\"}").json().getBoolean("valid"));
        assertFalse(api.post("/api/v1/policies/validate-expression", "{\"expression\":\"a = {user.nope}\"}").json().getBoolean("valid"));
    }

    @Test
    void assignmentsCanBeCreatedUpdatedAndDeleted() {
        String ds = FIXTURE.store.dataSources().create(new DataSourceSettings("assign-ds", "h", 5432, "d", "u", null, null,
                null, true, null), null, Actor.SYSTEM).id();
        String user = FIXTURE.store.users().create(new NewUser("assignee", Passwords.scramVerifier("Passw0rd!x".toCharArray()), false)).id();
        String role = FIXTURE.store.roles().create("assign-role", null, Actor.SYSTEM).id();
        String policy = api.post("/api/v1/policies", rowFilter("assigned", "1=1")).expect(201).json().getString("id");
        String base = "/api/v1/datasources/" + ds + "/policies";
        JsonObject a = api.post(base, "{\"policy_id\":" + q(policy) + ",\"user_id\":" + q(user) + "}").expect(201).json();
        assertEquals("user", a.getString("scope"), "scope inferred from user_id");
        assertEquals(100, a.getInt("priority"));
        api.post(base, "{\"policy_id\":" + q(policy) + ",\"user_id\":" + q(user) + "}").expect(409);
        api.post(base, "{\"policy_id\":" + q(policy) + ",\"scope\":\"role\",\"user_id\":" + q(user) + "}").expect(400);
        api.post(base, "{\"policy_id\":\"ghost\"}").expect(422);
        api.post(base, "{\"policy_id\":" + q(policy) + ",\"role_id\":\"ghost\"}").expect(422);
        api.post("/api/v1/datasources/ghost/policies", "{\"policy_id\":" + q(policy) + "}").expect(404);
        String aid = a.getString("id");
        JsonObject moved = api.put(base + "/" + aid, "{\"role_id\":" + q(role) + ",\"priority\":10}").expect(200).json();
        assertEquals("role", moved.getString("scope"));
        assertEquals(role, moved.getString("role_id"));
        assertEquals(10, moved.getInt("priority"));
        assertEquals(5, api.put(base + "/" + aid, "{\"priority\":5}").expect(200).json().getInt("priority"));
        assertEquals(1, api.get(base).expect(200).array().size());
        assertEquals(1, api.get("/api/v1/policies/" + policy).json().getJsonArray("assignments").size());
        api.put(base + "/ghost", "{\"priority\":1}").expect(404);
        api.delete(base + "/" + aid).expect(204);
        api.delete(base + "/" + aid).expect(404);
        assertEquals(0, api.get(base).array().size());
    }

    @Test
    void adminAuditListFilters() {
        String id = api.post("/api/v1/policies", rowFilter("audited", "1=1")).expect(201).json().getString("id");
        JsonObject page = api.get("/api/v1/audit/admin?resource_type=policy&resource_id=" + id).expect(200).json();
        assertEquals(1, page.getInt("total"));
        JsonObject row = page.getJsonArray("data").getJsonObject(0);
        assertEquals("create", row.getString("action"));
        assertEquals("audited", row.getJsonObject("changes").getJsonObject("after").getString("name"));
        assertEquals(AdminFixture.ADMIN, row.getString("actor_name"));
        assertEquals(0, api.get("/api/v1/audit/admin?resource_type=policy&resource_id=" + id + "&from=2999-01-01T00:00:00Z")
                .json().getInt("total"));
        assertEquals(1, api.get("/api/v1/audit/admin?resource_type=policy&resource_id=" + id + "&to=2999-01-01T00:00:00")
                .json().getInt("total"), "BetweenRows' time format works too");
        api.get("/api/v1/audit/admin?from=yesterday").expect(400);
        api.get("/api/v1/audit/admin?page_size=100000").expect(400);
    }

    @Test
    void openApiIsPublicAndCoversEveryRoute() {
        var r = api.client().get("/openapi").request(String.class);
        assertEquals(200, r.status().code());
        String doc = r.entity();
        assertTrue(doc.startsWith("openapi: 3."), doc.substring(0, Math.min(40, doc.length())));
        for (String path : new String[] {"/api/v1/auth/login", "/api/v1/auth/me", "/api/v1/auth/logout", "/api/v1/users",
                "/api/v1/users/{id}", "/api/v1/users/{id}/password", "/api/v1/users/{id}/effective-policies",
                "/api/v1/roles", "/api/v1/roles/{id}", "/api/v1/roles/{id}/members", "/api/v1/roles/{id}/members/{user_id}",
                "/api/v1/roles/{id}/parents", "/api/v1/roles/{id}/parents/{parent_id}", "/api/v1/roles/{id}/effective-members",
                "/api/v1/roles/{id}/impact", "/api/v1/attribute-definitions", "/api/v1/attribute-definitions/{id}",
                "/api/v1/datasource-types", "/api/v1/datasources", "/api/v1/datasources/{id}", "/api/v1/datasources/{id}/test",
                "/api/v1/datasources/{id}/users", "/api/v1/datasources/{id}/access/roles", "/api/v1/datasources/{id}/access/all",
                "/api/v1/datasources/{id}/discover", "/api/v1/datasources/{id}/discover/{job_id}",
                "/api/v1/datasources/{id}/discover/{job_id}/events", "/api/v1/datasources/{id}/catalog",
                "/api/v1/datasources/{id}/policies", "/api/v1/datasources/{id}/policies/{assignment_id}",
                "/api/v1/policies", "/api/v1/policies/validate-expression", "/api/v1/policies/{id}",
                "/api/v1/policies/{id}/versions", "/api/v1/policies/{id}/versions/{version}", "/api/v1/policies/{id}/diff",
                "/api/v1/audit/admin", "/api/v1/audit/queries", "/api/v1/preview", "/api/v1/stats", "/health"}) {
            assertTrue(doc.contains("\n  " + path + ":"), "openapi.yaml lacks " + path);
        }
        Matcher m = Pattern.compile("\n  (/[^:\n]+):").matcher(doc);
        while (m.find()) assertTrue(m.group(1).startsWith("/api/v1/") || m.group(1).equals("/health"), m.group(1));
    }
}
