package dev.betweenrows.admin;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A signed-in admin's view of the API for tests. Every reply is checked for secrets: no SCRAM verifier
 * and none of the passwords the tests have used may ever appear in a response body.
 */
final class ApiClient {
    static final Set<String> PASSWORDS = new CopyOnWriteArraySet<>(List.of(AdminFixture.PASSWORD));

    private final Http1Client client;
    private final String token;

    ApiClient(Http1Client client, String token) {
        this.client = client;
        this.token = token;
    }

    static ApiClient login(Http1Client client, String username, String password) {
        Reply r = new ApiClient(client, null).send(Method.POST, "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.status(), r.body());
        return new ApiClient(client, r.json().getString("token"));
    }

    Http1Client http() {
        return client;
    }

    /** The same client without a token. */
    ApiClient anonymous() {
        return new ApiClient(client, null);
    }

    Reply get(String path) { return send(Method.GET, path, null); }
    Reply post(String path, String json) { return send(Method.POST, path, json); }
    Reply put(String path, String json) { return send(Method.PUT, path, json); }
    Reply delete(String path) { return send(Method.DELETE, path, null); }

    Reply send(Method method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    Reply send(Method method, String path, String body, String contentType) {
        int q = path.indexOf('?');
        Http1ClientRequest req = client.method(method).path(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                req.queryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (token != null) req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        int status;
        String text;
        try (HttpClientResponse r = body == null ? req.request()
                : req.header(HeaderNames.CONTENT_TYPE, contentType).submit(body)) {
            status = r.status().code();
            text = r.entity().hasEntity() ? r.entity().as(String.class) : "";
        }
        assertFalse(text.contains("SCRAM-SHA-256") || text.contains("verifier"), "verifier in " + method + " " + path + ": " + text);
        for (String p : PASSWORDS) assertFalse(text.contains(p), "password in " + method + " " + path);
        return new Reply(status, text);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Status and body of a reply. */
    record Reply(int status, String body) {
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return jakarta.json.Json.createReader(new StringReader(body)).readArray();
        }

        String error() {
            return json().getString("error");
        }

        Reply expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }
    }
}
