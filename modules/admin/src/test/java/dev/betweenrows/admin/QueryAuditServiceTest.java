package dev.betweenrows.admin;

import dev.betweenrows.store.QueryAuditRecord;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/audit/queries} over records stored in a real embedded store. */
@ServerTest
class QueryAuditServiceTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private final Http1Client client;
    private String token;

    QueryAuditServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        AdminFixture.server(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AdminServer.routing(routing, FIXTURE.ctx);
    }

    @BeforeAll
    static void records() {
        FIXTURE.store.queryAudit().insertAll(List.of(
                record("a-1", T0, "SELECT * FROM orders", "SELECT * FROM (SELECT id FROM public.orders WHERE tenant = 'acme') AS orders",
                        QueryAuditRecord.Decision.ALLOWED, null),
                record("a-2", T0.plus(1, ChronoUnit.HOURS), "DELETE FROM orders", null, QueryAuditRecord.Decision.DENIED, "25006"),
                record("a-3", T0.plus(2, ChronoUnit.HOURS), "SELECT salary FROM employees", null, QueryAuditRecord.Decision.DENIED, "42703")));
    }

    private static QueryAuditRecord record(String id, Instant at, String sql, String rewritten, QueryAuditRecord.Decision d,
                                           String state) {
        return new QueryAuditRecord(id, at, QueryAuditRecord.Kind.STATEMENT, "u-1", "alice", "ds-1", "shop", "10.0.0.1:5555",
                "psql", 1L, 0, "simple", sql, rewritten,
                rewritten == null ? List.of() : List.of(new QueryAuditRecord.AppliedPolicyRef("p-1", "tenant", 2)),
                d, state, null, d == QueryAuditRecord.Decision.DENIED ? "denied for the test" : null, 50L, 700L, 3L, 99L, null);
    }

    private ClientResponseTyped<String> get(String path) {
        if (token == null) {
            var r = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                    .submit("{\"username\":\"" + AdminFixture.ADMIN + "\",\"password\":\"" + AdminFixture.PASSWORD + "\"}", String.class);
            token = AdminFixture.json(r.entity()).getString("token");
        }
        int q = path.indexOf('?');
        var req = client.get(q < 0 ? path : path.substring(0, q)).header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                req.queryParam(p[0], p[1]);
            }
        }
        return req.request(String.class);
    }

    @Test
    void listsNewestFirstWithOriginalAndRewrittenSqlAndThePoliciesThatApplied() {
        ClientResponseTyped<String> r = get("/api/v1/audit/queries");
        assertEquals(Status.OK_200, r.status(), r.entity());
        JsonObject page = AdminFixture.json(r.entity());
        assertEquals(3, page.getInt("total"));
        assertEquals("a-3", page.getJsonArray("data").getJsonObject(0).getString("id"));
        JsonObject allowed = page.getJsonArray("data").getJsonObject(2);
        assertEquals("SELECT * FROM orders", allowed.getString("original_query"));
        assertTrue(allowed.getString("rewritten_query").contains("tenant = 'acme'"));
        assertEquals("tenant", allowed.getJsonArray("policies_applied").getJsonObject(0).getString("name"));
        assertEquals(2, allowed.getJsonArray("policies_applied").getJsonObject(0).getInt("version"));
    }

    @Test
    void filtersByStatusTimeAndText() {
        assertEquals(2, AdminFixture.json(get("/api/v1/audit/queries?status=denied").entity()).getInt("total"));
        var search = get("/api/v1/audit/queries?search=employees");
        assertEquals(Status.OK_200, search.status(), search.entity());
        assertEquals(1, AdminFixture.json(search.entity()).getInt("total"));
        assertEquals(2, AdminFixture.json(get("/api/v1/audit/queries?from=2026-11-20T10:30:00Z").entity()).getInt("total"));
        assertEquals(1, AdminFixture.json(get("/api/v1/audit/queries?from=2026-11-20T10:30:00&to=2026-11-20T11:30:00").entity()).getInt("total"),
                "BetweenRows' zone-less format is read as UTC");
        assertEquals(Status.BAD_REQUEST_400, get("/api/v1/audit/queries?status=maybe").status());
        assertEquals(Status.BAD_REQUEST_400, get("/api/v1/audit/queries?from=yesterday").status());
    }

    @Test
    void oneRecordExportAndUnknownIds() {
        assertEquals("25006", AdminFixture.json(get("/api/v1/audit/queries/a-2").entity()).getString("sqlstate"));
        assertEquals(Status.NOT_FOUND_404, get("/api/v1/audit/queries/nope").status());
        ClientResponseTyped<String> export = get("/api/v1/audit/queries/export?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z");
        assertEquals(Status.OK_200, export.status(), export.entity());
        List<String> lines = export.entity().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("a-1", AdminFixture.json(lines.getFirst()).getString("id"), "export is in time order");
    }

    @Test
    void needsAnAdminToken() {
        assertEquals(Status.UNAUTHORIZED_401, client.get("/api/v1/audit/queries").request(String.class).status());
    }
}
