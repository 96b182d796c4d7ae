package dev.betweenrows.admin;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.QueryAuditRecord;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/stats}: live sessions, the last hour of the query audit, and upstream reachability. */
@ServerTest
class StatsServiceTest extends ApiTestBase {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private static final DataPlaneSessions SESSIONS = new DataPlaneSessions();
    private static final ServerSocket LISTENING;
    private static final int CLOSED_PORT;

    static {
        try {
            LISTENING = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                CLOSED_PORT = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ApiClient api;

    StatsServiceTest(Http1Client client) {
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

    @AfterAll
    static void closeListener() throws IOException {
        LISTENING.close();
    }

    private static DataSourceRecord dataSource(String name, int port, boolean active) {
        return FIXTURE.store.dataSources().create(new DataSourceSettings(name, "127.0.0.1", port, "db", "u", null, null,
                null, active, null), null, Actor.SYSTEM);
    }

    private static QueryAuditRecord statement(String id, Instant at, QueryAuditRecord.Decision d) {
        return new QueryAuditRecord(id, at, QueryAuditRecord.Kind.STATEMENT, "u-1", "alice", "ds-1", "shop", "10.0.0.1:5555",
                "psql", 1L, 0, "simple", "SELECT 1", d == QueryAuditRecord.Decision.DENIED ? null : "SELECT 1",
                List.of(), d, d == QueryAuditRecord.Decision.DENIED ? "42P01" : null, null,
                d == QueryAuditRecord.Decision.DENIED ? "hidden" : null, 5L, 7L, 1L, 9L, null);
    }

    @Test
    void figuresComeFromSessionsAuditAndAProbe() {
        DataSourceRecord up = dataSource("stats-up", LISTENING.getLocalPort(), true);
        DataSourceRecord down = dataSource("stats-down", CLOSED_PORT, true);
        DataSourceRecord off = dataSource("stats-off", LISTENING.getLocalPort(), false);
        SESSIONS.open("u-1", up.id());
        SESSIONS.open("u-2", up.id());
        Instant now = Instant.now();
        FIXTURE.store.queryAudit().insertAll(List.of(
                statement("s-1", now.minusSeconds(60), QueryAuditRecord.Decision.ALLOWED),
                statement("s-2", now.minusSeconds(120), QueryAuditRecord.Decision.DENIED),
                statement("s-3", now.minusSeconds(10), QueryAuditRecord.Decision.DENIED),
                statement("s-old", now.minus(Duration.ofHours(2)), QueryAuditRecord.Decision.DENIED)));

        var r = api.get("/api/v1/stats");
        assertEquals(200, r.status(), r.body());
        JsonObject stats = r.json();
        assertEquals(2, stats.getInt("sessions_open"));
        assertEquals(3, stats.getInt("statements_last_hour"), "older statements are not counted");
        assertEquals(2, stats.getInt("denials_last_hour"));
        Map<String, JsonObject> byName = stats.getJsonArray("datasources").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("name"), o -> o));
        assertTrue(byName.get("stats-up").getBoolean("reachable"));
        assertEquals(2, byName.get("stats-up").getInt("sessions"));
        assertFalse(byName.get("stats-down").getBoolean("reachable"));
        assertEquals(0, byName.get("stats-down").getInt("sessions"));
        assertFalse(byName.get("stats-off").getBoolean("active"));
        assertFalse(byName.get("stats-off").getBoolean("reachable"), "an inactive data source is not probed");
        assertEquals(401, api.anonymous().get("/api/v1/stats").status());
    }
}
