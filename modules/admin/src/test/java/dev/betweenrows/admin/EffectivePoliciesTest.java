package dev.betweenrows.admin;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/users/{id}/effective-policies}: the policy module's resolution with assignment sources. */
@ServerTest
class EffectivePoliciesTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final ApiClient api;

    EffectivePoliciesTest(Http1Client client) {
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

    private static PolicyRecord policy(String name, boolean enabled) {
        return FIXTURE.store.policies().create(new PolicyDraft(name, PolicyType.COLUMN_ALLOW, null,
                List.of(Target.of(List.of("public"), List.of("*"), List.of("*"))), null, enabled), Actor.SYSTEM);
    }

    private static void assign(PolicyRecord p, DataSourceRecord ds, Scope scope, String scopeId, int priority) {
        FIXTURE.store.assignments().create(new Assignment(p.id(), ds.id(), scope, scopeId, priority), Actor.SYSTEM);
    }

    @Test
    void sourcesFollowTheResolutionDirectRoleInheritedAndAll() {
        var store = FIXTURE.store;
        var user = store.users().create(new NewUser("eff-user", Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), false));
        var ds = store.dataSources().create(new DataSourceSettings("effds", "localhost", 5432, "db", "u", null, null,
                AccessMode.POLICY_REQUIRED, true, null), null, Actor.SYSTEM);
        var other = store.dataSources().create(new DataSourceSettings("otherds", "localhost", 5432, "db", "u", null, null,
                null, true, null), null, Actor.SYSTEM);
        var parent = store.roles().create("eff-parent", null, Actor.SYSTEM);
        var child = store.roles().create("eff-child", null, Actor.SYSTEM);
        store.roles().addParent(child.id(), parent.id(), Actor.SYSTEM);
        store.roles().addMember(child.id(), user.id(), Actor.SYSTEM);

        var direct = policy("p-direct", true);
        var viaRole = policy("p-role", true);
        var inherited = policy("p-inherited", true);
        var everyone = policy("p-all", true);
        var disabled = policy("p-disabled", false);
        assign(direct, ds, Scope.USER, user.id(), 100);
        assign(viaRole, ds, Scope.ROLE, child.id(), 50);
        assign(inherited, ds, Scope.ROLE, parent.id(), 100);
        assign(everyone, ds, Scope.ALL, null, 100);
        assign(everyone, ds, Scope.USER, user.id(), 200);   // a worse path: the "all" one wins
        assign(disabled, ds, Scope.USER, user.id(), 1);
        assign(direct, other, Scope.USER, user.id(), 100);

        var entries = api.get("/api/v1/users/" + user.id() + "/effective-policies?datasource_id=" + ds.id()).expect(200)
                .array().getValuesAs(JsonObject.class);
        Map<String, String> sources = entries.stream().collect(Collectors.toMap(e -> e.getString("policy_name"), e -> e.getString("source")));
        assertEquals(Map.of("p-direct", "direct", "p-role", "role 'eff-child'", "p-inherited", "inherited from 'eff-parent'",
                "p-all", "all users"), sources, "disabled policies are not in force");
        assertEquals("p-role", entries.getFirst().getString("policy_name"), "rank order: priority first");
        JsonObject all = entries.stream().filter(e -> e.getString("policy_name").equals("p-all")).findFirst().orElseThrow();
        assertEquals(List.of("all users", "direct"), all.getJsonArray("sources").getValuesAs(JsonString::getString));
        assertEquals("effds", all.getString("datasource_name"));
        assertEquals("column_allow", all.getString("policy_type"));
        assertTrue(all.getBoolean("is_enabled"));

        // deactivating the middle role cuts inheritance, as enforcement does
        store.roles().setActive(child.id(), false, Actor.SYSTEM);
        var after = api.get("/api/v1/users/" + user.id() + "/effective-policies?datasource_id=" + ds.id()).expect(200)
                .array().getValuesAs(JsonObject.class).stream().map(e -> e.getString("policy_name")).toList();
        assertFalse(after.contains("p-role") || after.contains("p-inherited"), after.toString());

        var everywhere = api.get("/api/v1/users/" + user.id() + "/effective-policies").expect(200).array();
        assertTrue(everywhere.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("datasource_name").equals("otherds")));
        api.get("/api/v1/users/" + user.id() + "/effective-policies?datasource_id=nope").expect(404);
    }
}
