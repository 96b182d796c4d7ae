package dev.betweenrows.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin REST API as a script would use it: JSON in, JSON out, Bearer token. */
final class AdminApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private String token;

    AdminApi(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.port = port;
    }

    int port() {
        return port;
    }

    AdminApi login(String user, String password) throws Exception {
        token = null;
        token = call("POST", "/api/v1/auth/login",
                Json.createObjectBuilder().add("username", user).add("password", password).build(), 200)
                .asJsonObject().getString("token");
        return this;
    }

    JsonValue get(String path) throws Exception {
        return call("GET", path, null, 200);
    }

    JsonObject post(String path, JsonStructure body) throws Exception {
        return call("POST", path, body, -1).asJsonObject();
    }

    JsonValue put(String path, JsonStructure body) throws Exception {
        return call("PUT", path, body, 200);
    }

    /** Sends a request; {@code expected} = -1 accepts any 2xx. Fails with the response body otherwise. */
    JsonValue call(String method, String path, JsonStructure body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        boolean ok = expected == -1 ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
        if (!ok) throw new AssertionError(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
        return r.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(r.body())).readValue();
    }
}
