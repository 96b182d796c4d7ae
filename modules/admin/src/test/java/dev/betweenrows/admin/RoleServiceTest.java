package dev.betweenrows.admin;

import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.DataSourceSettings;
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
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/roles}: CRUD, members, the inheritance DAG with its 422/409 refusals. */
@ServerTest
class RoleServiceTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final ApiClient api;

    RoleServiceTest(Http1Client client) {
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

    private String role(String name) {
        JsonObject r = api.post("/api/v1/roles", "{\"name\":\"" + name + "\",\"description\":\"d\"}").expect(201).json();
        assertEquals(0, r.getInt("direct_member_count"));
        return r.getString("id");
    }

    private String user(String name) {
        return FIXTURE.store.users().create(new NewUser(name, Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), false)).id();
    }

    private void inherit(String child, String parent, int status) {
        api.post("/api/v1/roles/" + child + "/parents", "{\"parent_role_id\":\"" + parent + "\"}").expect(status);
    }

    @Test
    void createValidatesNamesAndRefusesDuplicates() {
        role("analysts");
        assertEquals("conflict", api.post("/api/v1/roles", "{\"name\":\"analysts\"}").expect(409).error());
        assertEquals("validation_failed", api.post("/api/v1/roles", "{\"name\":\"1bad name\"}").expect(422).error());
        api.post("/api/v1/roles", "{}").expect(422);
        api.post("/api/v1/roles", "{\"name\":").expect(400);
        api.send(io.helidon.http.Method.POST, "/api/v1/roles", "name=x", "text/plain").expect(415);
        api.anonymous().get("/api/v1/roles").expect(401);
    }

    @Test
    void listCountsDirectMembersAndSearches() {
        String id = role("list-role");
        api.post("/api/v1/roles/" + id + "/members", "{\"user_ids\":[\"" + user("lr-a") + "\",\"" + user("lr-b") + "\"]}").expect(204);
        JsonObject page = api.get("/api/v1/roles?search=LIST-&page=1&page_size=5").expect(200).json();
        assertEquals(1, page.getInt("total"));
        assertEquals(2, page.getJsonArray("data").getJsonObject(0).getInt("direct_member_count"));
        assertEquals(5, page.getInt("page_size"));
    }

    @Test
    void detailShowsMembersParentsChildrenAssignmentsAndAccess() {
        String base = role("det-base");
        String mid = role("det-mid");
        String leaf = role("det-leaf");
        inherit(mid, base, 204);
        inherit(leaf, mid, 204);
        String u = user("det-user");
        api.post("/api/v1/roles/" + mid + "/members", "{\"user_id\":\"" + u + "\"}").expect(204);
        var ds = FIXTURE.store.dataSources().create(new DataSourceSettings("detds", "localhost", 5432, "db", "u", null, null,
                null, true, null), null, Actor.SYSTEM);
        var policy = FIXTURE.store.policies().create(new PolicyDraft("det-filter", PolicyType.ROW_FILTER, null,
                List.of(Target.of(List.of("public"), List.of("*"), List.of())), "true", true), Actor.SYSTEM);
        FIXTURE.store.assignments().create(new Assignment(policy.id(), ds.id(), Scope.ROLE, base, 10), Actor.SYSTEM);
        FIXTURE.store.dataSources().grant(new dev.betweenrows.policy.AccessGrant(ds.id(), Scope.ROLE, base), Actor.SYSTEM);

        JsonObject d = api.get("/api/v1/roles/" + mid).expect(200).json();
        assertEquals("det-mid", d.getString("name"));
        assertEquals(1, d.getInt("direct_member_count"));
        assertEquals("det-user", d.getJsonArray("members").getJsonObject(0).getString("username"));
        assertEquals("det-base", d.getJsonArray("parent_roles").getJsonObject(0).getString("name"));
        assertEquals("det-leaf", d.getJsonArray("child_roles").getJsonObject(0).getString("name"));
        JsonObject a = d.getJsonArray("policy_assignments").getJsonObject(0);
        assertEquals("det-filter", a.getString("policy_name"));
        assertEquals("inherited from 'det-base'", a.getString("source"));
        assertEquals(10, a.getInt("priority"));
        assertEquals("inherited from 'det-base'", d.getJsonArray("datasource_access").getJsonObject(0).getString("source"));
        assertEquals("direct", api.get("/api/v1/roles/" + base).expect(200).json()
                .getJsonArray("policy_assignments").getJsonObject(0).getString("source"));

        JsonObject impact = api.get("/api/v1/roles/" + base + "/impact").expect(200).json();
        assertEquals(1, impact.getInt("affected_users"));
        assertEquals(1, impact.getInt("affected_assignments"));
        assertEquals(1, impact.getInt("affected_grants"));
        JsonObject deleted = api.delete("/api/v1/roles/" + base).expect(200).json();
        assertEquals(impact, deleted, "delete returns the impact it had");
        api.get("/api/v1/roles/" + base).expect(404);
        assertTrue(FIXTURE.store.assignments().listByPolicy(policy.id()).isEmpty());
        assertTrue(actions(audit(FIXTURE, "role", base)).contains("delete"));
    }

    @Test
    void effectiveMembersCarryTheirSource() {
        String parent = role("eff-parent");
        String child = role("eff-child");
        inherit(child, parent, 204);
        String direct = user("eff-direct");
        String via = user("eff-via");
        api.post("/api/v1/roles/" + parent + "/members", "{\"user_ids\":[\"" + direct + "\"]}").expect(204);
        api.post("/api/v1/roles/" + child + "/members", "{\"user_ids\":[\"" + via + "\",\"" + direct + "\"]}").expect(204);
        Map<String, String> sources = api.get("/api/v1/roles/" + parent + "/effective-members").expect(200).array()
                .getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("username"), o -> o.getString("source")));
        assertEquals(Map.of("eff-direct", "direct", "eff-via", "via role 'eff-child'"), sources);
    }

    @Test
    void membersAreAddedCheckedAndRemoved() {
        String id = role("mem-role");
        String u = user("mem-user");
        api.post("/api/v1/roles/" + id + "/members", "{\"user_ids\":[\"" + u + "\"]}").expect(204);
        assertEquals("conflict", api.post("/api/v1/roles/" + id + "/members", "{\"user_ids\":[\"" + u + "\"]}").expect(409).error());
        String other = user("mem-other");
        api.post("/api/v1/roles/" + id + "/members", "{\"user_ids\":[\"" + other + "\",\"no-such-user\"]}").expect(404);
        assertEquals(1, FIXTURE.store.roles().members(id).size(), "a bad id in the list changes nothing");
        api.post("/api/v1/roles/" + id + "/members", "{\"user_ids\":[]}").expect(422);
        api.post("/api/v1/roles/no-such-role/members", "{\"user_ids\":[\"" + u + "\"]}").expect(404);
        assertEquals(1, api.get("/api/v1/roles/" + id + "/members").expect(200).array().size());
        api.delete("/api/v1/roles/" + id + "/members/" + u).expect(204);
        api.delete("/api/v1/roles/" + id + "/members/" + u).expect(404);
        assertEquals(List.of("remove_member", "add_member", "create"), actions(audit(FIXTURE, "role", id)));
    }

    @Test
    void cyclesAndDepthAre422WithThePathAndDuplicatesAre409() {
        String a = role("cyc-a");
        String b = role("cyc-b");
        String c = role("cyc-c");
        inherit(a, b, 204);
        inherit(b, c, 204);
        inherit(a, b, 409);
        var cycle = api.post("/api/v1/roles/" + c + "/parents", "{\"parent_role_id\":\"" + a + "\"}").expect(422).json();
        assertEquals("role_cycle", cycle.getString("error"));
        assertEquals(List.of("cyc-c", "cyc-a", "cyc-b", "cyc-c"), cycle.getJsonArray("path").getValuesAs(JsonString::getString));
        assertTrue(cycle.getString("message").contains("cyc-c -> cyc-a -> cyc-b -> cyc-c"), cycle.toString());
        inherit(a, a, 422);
        api.post("/api/v1/roles/" + a + "/parents", "{\"parent_role_id\":\"nope\"}").expect(404);
        api.post("/api/v1/roles/" + a + "/parents", "{}").expect(422);

        String previous = role("deep-0");
        for (int i = 1; i < 10; i++) {
            String next = role("deep-" + i);
            inherit(previous, next, 204);
            previous = next;
        }
        var deep = api.post("/api/v1/roles/" + previous + "/parents", "{\"parent_role_id\":\"" + role("deep-10") + "\"}").expect(422).json();
        assertEquals("role_depth", deep.getString("error"));
        assertEquals(11, deep.getInt("depth"));

        api.delete("/api/v1/roles/" + a + "/parents/" + b).expect(204);
        api.delete("/api/v1/roles/" + a + "/parents/" + b).expect(404);
        inherit(c, a, 204);
        assertTrue(actions(audit(FIXTURE, "role", a)).contains("remove_parent"));
    }

    @Test
    void updateRenamesAndDeactivates() {
        String id = role("upd-role");
        JsonObject r = api.put("/api/v1/roles/" + id, "{\"name\":\"upd-renamed\"}").expect(200).json();
        assertEquals("upd-renamed", r.getString("name"));
        assertEquals("d", r.getString("description"), "absent fields are kept");
        assertEquals(false, api.put("/api/v1/roles/" + id, "{\"is_active\":false}").expect(200).json().getBoolean("is_active"));
        assertEquals(true, api.put("/api/v1/roles/" + id, "{\"is_active\":true}").expect(200).json().getBoolean("is_active"));
        role("upd-taken");
        api.put("/api/v1/roles/" + id, "{\"name\":\"upd-taken\"}").expect(409);
        api.put("/api/v1/roles/" + id, "{\"name\":\"x\"}").expect(422);
        api.put("/api/v1/roles/unknown", "{\"name\":\"whatever\"}").expect(404);
        api.delete("/api/v1/roles/unknown").expect(404);
        api.get("/api/v1/roles/unknown/effective-members").expect(404);
        api.get("/api/v1/roles/unknown/impact").expect(404);
        assertEquals(List.of("reactivate", "deactivate", "update", "create"), actions(audit(FIXTURE, "role", id)));
    }
}
