package dev.betweenrows.admin;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.UserProfile;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/auth} against a real embedded store, through the product's own routing. */
@ServerTest
class AuthServiceTest {
    private static final AdminFixture FIXTURE = new AdminFixture();
    private final Http1Client client;

    AuthServiceTest(Http1Client client) {
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

    private ClientResponseTyped<String> login(String user, String password) {
        return client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", String.class);
    }

    private String token(String user) {
        ClientResponseTyped<String> r = login(user, AdminFixture.PASSWORD);
        assertEquals(Status.OK_200, r.status(), r.entity());
        return AdminFixture.json(r.entity()).getString("token");
    }

    private Http1ClientRequest authed(Http1ClientRequest req, String token) {
        return req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
    }

    @Test
    void loginReturnsATokenAndAnHttpOnlyStrictCookieAndNeverTheVerifier() {
        ClientResponseTyped<String> r = login(AdminFixture.ADMIN, AdminFixture.PASSWORD);
        assertEquals(Status.OK_200, r.status());
        JsonObject body = AdminFixture.json(r.entity());
        assertFalse(body.getString("token").isBlank());
        assertEquals(AdminFixture.ADMIN, body.getJsonObject("user").getString("username"));
        assertTrue(body.getJsonObject("user").getBoolean("is_admin"), "snake_case names as BetweenRows");
        assertFalse(r.entity().contains("SCRAM") || r.entity().contains("verifier") || r.entity().contains(AdminFixture.PASSWORD));
        String cookie = r.headers().first(HeaderNames.SET_COOKIE).orElseThrow();
        assertTrue(cookie.startsWith("br_session="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void wrongPasswordUnknownUserAndNonAdminAreIndistinguishable() {
        ClientResponseTyped<String> wrong = login(AdminFixture.ADMIN, "not-the-password");
        ClientResponseTyped<String> unknown = login("nobody-here", AdminFixture.PASSWORD);
        ClientResponseTyped<String> nonAdmin = login("analyst", AdminFixture.PASSWORD);
        for (var r : java.util.List.of(wrong, unknown, nonAdmin)) {
            assertEquals(Status.UNAUTHORIZED_401, r.status(), r.entity());
            assertEquals("{\"error\":\"invalid_credentials\",\"message\":\"invalid username or password\"}", r.entity());
        }
    }

    @Test
    void meNeedsAValidTokenAndLogoutRevokesIt() {
        assertEquals(Status.UNAUTHORIZED_401, client.get("/api/v1/auth/me").request(String.class).status());
        assertEquals(Status.UNAUTHORIZED_401, authed(client.get("/api/v1/auth/me"), "not.a.token").request(String.class).status());
        String token = token(AdminFixture.ADMIN);
        ClientResponseTyped<String> me = authed(client.get("/api/v1/auth/me"), token).request(String.class);
        assertEquals(Status.OK_200, me.status());
        assertEquals(AdminFixture.ADMIN, AdminFixture.json(me.entity()).getString("username"));
        assertEquals(Status.NO_CONTENT_204, authed(client.post("/api/v1/auth/logout"), token).request(String.class).status());
        assertEquals(Status.UNAUTHORIZED_401, authed(client.get("/api/v1/auth/me"), token).request(String.class).status());
    }

    @Test
    void demotionAndDeactivationTakeEffectAtOnce() {
        var u = FIXTURE.store.users().create(new dev.betweenrows.store.NewUser("second-admin",
                dev.betweenrows.store.Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), true));
        String token = token("second-admin");
        assertEquals(Status.OK_200, authed(client.get("/api/v1/auth/me"), token).request(String.class).status());
        FIXTURE.store.users().update(u.id(), new UserProfile(null, null, false, true), Actor.SYSTEM);
        assertEquals(Status.UNAUTHORIZED_401, authed(client.get("/api/v1/auth/me"), token).request(String.class).status());
        FIXTURE.store.users().update(u.id(), new UserProfile(null, null, true, false), Actor.SYSTEM);
        assertEquals(Status.UNAUTHORIZED_401, authed(client.get("/api/v1/auth/me"), token).request(String.class).status());
    }

    @Test
    void repeatedFailuresAreRateLimitedPerUserAndAddress() {
        var u = FIXTURE.store.users().create(new dev.betweenrows.store.NewUser("limited-admin",
                dev.betweenrows.store.Passwords.scramVerifier(AdminFixture.PASSWORD.toCharArray()), true));
        for (int i = 0; i < 5; i++) assertEquals(Status.UNAUTHORIZED_401, login("limited-admin", "nope-nope").status());
        ClientResponseTyped<String> r = login("limited-admin", AdminFixture.PASSWORD);
        assertEquals(429, r.status().code(), "even the right password waits");
        assertTrue(r.headers().contains(HeaderNames.RETRY_AFTER));
        assertTrue(u.admin());
    }

    @Test
    void loginsAndFailedLoginsAreAdminAuditedWithoutSecrets() {
        login(AdminFixture.ADMIN, "a-wrong-password-123");
        token(AdminFixture.ADMIN);
        var rows = FIXTURE.store.audit().list(new AuditFilter(null, null, null, null, null, null), PageRequest.FIRST).items();
        assertTrue(rows.stream().anyMatch(e -> e.action().equals("login")), rows.toString());
        assertTrue(rows.stream().anyMatch(e -> e.action().equals("login_failed")), rows.toString());
        assertFalse(rows.toString().contains("a-wrong-password-123") || rows.toString().contains(AdminFixture.PASSWORD));
    }

    @Test
    void badBodiesGetClearErrors() {
        ClientResponseTyped<String> badJson = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"username\": ", String.class);
        assertEquals(Status.BAD_REQUEST_400, badJson.status());
        assertEquals("bad_json", AdminFixture.json(badJson.entity()).getString("error"));
        ClientResponseTyped<String> text = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "text/plain")
                .submit("hello", String.class);
        assertEquals(Status.UNSUPPORTED_MEDIA_TYPE_415, text.status());
        ClientResponseTyped<String> huge = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"username\":\"" + "x".repeat(100_000) + "\"}", String.class);
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, huge.status());
    }

    @Test
    void cookieSessionsNeedTheCsrfHeaderToChangeState() {
        String token = token(AdminFixture.ADMIN);
        String cookie = "br_session=" + token;
        assertEquals(Status.OK_200, client.get("/api/v1/auth/me").header(HeaderNames.COOKIE, cookie).request(String.class).status());
        ClientResponseTyped<String> noHeader = client.post("/api/v1/auth/logout").header(HeaderNames.COOKIE, cookie).request(String.class);
        assertEquals(Status.FORBIDDEN_403, noHeader.status());
        assertEquals(Status.NO_CONTENT_204, client.post("/api/v1/auth/logout").header(HeaderNames.COOKIE, cookie)
                .header(HeaderNames.create("X-Requested-With"), "betweenrows").request(String.class).status());
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndCorsIsAnAllowList() {
        var health = client.get("/health").request(String.class);
        assertEquals(Status.OK_200, health.status());
        assertEquals("nosniff", health.headers().first(HeaderNames.create("X-Content-Type-Options")).orElseThrow());
        assertEquals("DENY", health.headers().first(HeaderNames.create("X-Frame-Options")).orElseThrow());
        assertTrue(health.headers().first(HeaderNames.create("Content-Security-Policy")).orElseThrow().contains("frame-ancestors 'none'"));
        var allowed = client.get("/health").header(HeaderNames.ORIGIN, "https://ui.example").request(String.class);
        assertEquals("https://ui.example", allowed.headers().first(HeaderNames.create("Access-Control-Allow-Origin")).orElseThrow());
        var other = client.get("/health").header(HeaderNames.ORIGIN, "https://evil.example").request(String.class);
        // (the test server's discovered CORS feature may add '*'; the product's listener has none: ImageStartupTest)
        assertFalse(other.headers().values(HeaderNames.create("Access-Control-Allow-Origin")).contains("https://evil.example"));
    }
}
