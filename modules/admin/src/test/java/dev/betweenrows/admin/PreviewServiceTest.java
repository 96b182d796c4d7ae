package dev.betweenrows.admin;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.UserRecord;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/preview} against the real store and the real (Calcite) query guard. */
@ServerTest
class PreviewServiceTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final UserRecord ALICE;
    private static final UserRecord NOBODY;
    private static final DataSourceRecord SHOP;

    static {
        var store = FIXTURE.store;
        ALICE = store.users().create(new NewUser("preview-alice", Passwords.scramVerifier("x-Pa55-word".toCharArray()), false));
        NOBODY = store.users().create(new NewUser("preview-nobody", Passwords.scramVerifier("x-Pa55-word".toCharArray()), false));
        SHOP = store.dataSources().create(new DataSourceSettings("previewshop", "127.0.0.1", 1, "shop", "reader", null, null,
                AccessMode.OPEN, true, null), null, Actor.SYSTEM);
        store.catalog().save(SHOP.id(), List.of(new CatalogSchemaEntry("public", null, true, List.of(
                new CatalogTableEntry("orders", TableKind.TABLE, true, List.of(
                        new CatalogColumnEntry("id", "integer", 1, false, true),
                        new CatalogColumnEntry("tenant", "text", 2, false, true),
                        new CatalogColumnEntry("ssn", "text", 3, true, true))),
                new CatalogTableEntry("secrets", TableKind.TABLE, true, List.of(
                        new CatalogColumnEntry("k", "text", 1, false, true)))))), Actor.SYSTEM);
        store.dataSources().grant(new AccessGrant(SHOP.id(), Scope.USER, ALICE.id()), Actor.SYSTEM);
        assign(policy("preview-tenant", PolicyType.ROW_FILTER, "tenant = 'acme'", "orders", List.of()));
        assign(policy("preview-ssn", PolicyType.COLUMN_MASK, "'***'", "orders", List.of("ssn")));
        assign(policy("preview-no-secrets", PolicyType.TABLE_DENY, null, "secrets", List.of()));
    }

    private final ApiClient api;

    PreviewServiceTest(Http1Client client) {
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

    private static String policy(String name, PolicyType type, String expression, String table, List<String> columns) {
        return FIXTURE.store.policies().create(new PolicyDraft(name, type, null,
                List.of(Target.of(List.of("public"), List.of(table), columns)), expression, true), Actor.SYSTEM).id();
    }

    private static void assign(String policyId) {
        FIXTURE.store.assignments().create(new Assignment(policyId, SHOP.id(), Scope.USER, ALICE.id(), 10), Actor.SYSTEM);
    }

    private ApiClient.Reply preview(UserRecord user, String sql) {
        return api.post("/api/v1/preview", "{\"user_id\":" + Api.q(user.id()) + ",\"datasource_id\":" + Api.q(SHOP.id())
                + ",\"sql\":" + Api.q(sql) + "}");
    }

    @Test
    void aSelectIsRewrittenWithTheRowFilterAndTheMask() {
        var r = preview(ALICE, "SELECT id, ssn FROM orders WHERE id = 7");
        assertEquals(200, r.status(), r.body());
        JsonObject p = r.json();
        assertEquals("forward", p.getString("decision"));
        String sql = p.getString("rewritten_sql");
        assertTrue(sql.contains("tenant = 'acme'"), sql);
        assertTrue(sql.contains("'***'"), sql);
        assertEquals(List.of("preview-no-secrets", "preview-ssn", "preview-tenant"),
                p.getJsonArray("policies").getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).sorted().toList());
        assertEquals(List.of("preview-ssn", "preview-tenant"), p.getJsonArray("applied_policies")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).sorted().toList());
        // the visible catalog: orders with ssn masked; secrets is hidden
        var catalog = p.getJsonArray("visible_catalog").getValuesAs(JsonObject.class);
        assertEquals(List.of("public.orders"), catalog.stream().map(t -> t.getString("schema") + "." + t.getString("table")).toList());
        var ssn = catalog.getFirst().getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("ssn")).findFirst().orElseThrow();
        assertTrue(ssn.getBoolean("masked"));
        assertEquals("text", ssn.getString("type"));
    }

    @Test
    void aHiddenTableIsRefusedAsMissingWithTheReasonForTheAdmin() {
        JsonObject p = preview(ALICE, "SELECT * FROM secrets").json();
        assertEquals("refuse", p.getString("decision"));
        assertEquals("42P01", p.getString("sqlstate"));
        assertFalse(p.getString("message").contains("preview-no-secrets"), "the client message names no policy");
        assertTrue(p.isNull("rewritten_sql"));
        assertFalse(p.getString("reason").isBlank());
    }

    @Test
    void aWriteIsRefusedAsReadOnly() {
        JsonObject p = preview(ALICE, "DELETE FROM orders").json();
        assertEquals("refuse", p.getString("decision"));
        assertEquals("25006", p.getString("sqlstate"));
    }

    @Test
    void sessionControlAndLocalAnswersAreNamed() {
        assertEquals("session_control", preview(ALICE, "BEGIN").json().getString("decision"));
        assertEquals("answer_locally", preview(ALICE, "SELECT version()").json().getString("decision"));
    }

    @Test
    void aUserWithoutAGrantIsUnprocessable() {
        var r = preview(NOBODY, "SELECT 1");
        assertEquals(422, r.status(), r.body());
        assertEquals("user preview-nobody has no access to data source previewshop", r.json().getString("message"));
    }

    @Test
    void badRequestsAreExplained() {
        assertEquals(422, api.post("/api/v1/preview", "{\"user_id\":" + Api.q(ALICE.id()) + ",\"datasource_id\":"
                + Api.q(SHOP.id()) + "}").status(), "sql missing");
        assertEquals(404, api.post("/api/v1/preview", "{\"user_id\":\"ghost\",\"datasource_id\":" + Api.q(SHOP.id())
                + ",\"sql\":\"SELECT 1\"}").status());
        var several = preview(ALICE, "SELECT 1; SELECT 2");
        assertEquals(422, several.status(), several.body());
        assertTrue(several.json().getString("message").contains("one at a time"), several.body());
        assertEquals(401, api.anonymous().post("/api/v1/preview", "{}").status());
    }
}
