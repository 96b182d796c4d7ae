package dev.betweenrows.admin;

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
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Online backup and policy-as-code export/import over HTTP, against a real embedded store. */
@ServerTest
class OperationsServiceTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final Http1Client client;
    private String token;

    OperationsServiceTest(Http1Client client) {
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

    private String token() {
        if (token == null) {
            var r = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                    .submit("{\"username\":\"" + AdminFixture.ADMIN + "\",\"password\":\"" + AdminFixture.PASSWORD + "\"}", String.class);
            token = AdminFixture.json(r.entity()).getString("token");
        }
        return "Bearer " + token;
    }

    @Test
    void onlineBackupWritesADirectoryThatExists() {
        ClientResponseTyped<String> r = client.post("/api/v1/admin/backup").header(HeaderNames.AUTHORIZATION, token()).request(String.class);
        assertEquals(Status.CREATED_201, r.status(), r.entity());
        assertTrue(Files.isDirectory(Path.of(AdminFixture.json(r.entity()).getString("path"))));
    }

    @Test
    void exportThenDryRunImportPlansNothingAndABrokenDocumentListsItsProblems() {
        ClientResponseTyped<String> export = client.get("/api/v1/policies/export").header(HeaderNames.AUTHORIZATION, token())
                .request(String.class);
        assertEquals(Status.OK_200, export.status(), export.entity());
        assertTrue(export.entity().startsWith("betweenrows_policies: 1"), export.entity());
        ClientResponseTyped<String> same = client.post("/api/v1/policies/import").queryParam("dry_run", "true")
                .header(HeaderNames.AUTHORIZATION, token()).header(HeaderNames.CONTENT_TYPE, "application/yaml")
                .submit(export.entity(), String.class);
        assertEquals(Status.OK_200, same.status(), same.entity());
        JsonObject plan = AdminFixture.json(same.entity());
        assertFalse(plan.getBoolean("applied"));
        assertEquals(0, plan.getJsonArray("plan").size(), "re-importing the export changes nothing");
        ClientResponseTyped<String> broken = client.post("/api/v1/policies/import")
                .header(HeaderNames.AUTHORIZATION, token()).header(HeaderNames.CONTENT_TYPE, "application/yaml")
                .submit("betweenrows_policies: 1\nroles:\n  - name: [unclosed\n", String.class);
        assertEquals(422, broken.status().code(), broken.entity());
        JsonObject problems = AdminFixture.json(broken.entity());
        assertTrue(problems.getJsonArray("problems").getJsonObject(0).getInt("line") > 0, broken.entity());
    }

    @Test
    void needsAnAdmin() {
        assertEquals(Status.UNAUTHORIZED_401, client.get("/api/v1/policies/export").request(String.class).status());
        assertEquals(Status.UNAUTHORIZED_401, client.post("/api/v1/admin/backup").request(String.class).status());
    }
}
