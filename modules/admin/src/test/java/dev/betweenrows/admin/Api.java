package dev.betweenrows.admin;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A signed-in admin calling the API: status and body of each call. */
final class Api {
    private final Http1Client client;
    private final String token;

    Api(Http1Client client) {
        this.client = client;
        var r = client.post("/api/v1/auth/login").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"username\":\"" + AdminFixture.ADMIN + "\",\"password\":\"" + AdminFixture.PASSWORD + "\"}", String.class);
        assertEquals(200, r.status().code(), r.entity());
        this.token = AdminFixture.json(r.entity()).getString("token");
    }

    record Response(int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        String error() {
            return json().getString("error");
        }

        Response expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }
    }

    Response get(String path) {
        return send(withQuery(client.get(), path), null);
    }

    Response post(String path, String json) {
        return send(withQuery(client.post(), path), json);
    }

    Response put(String path, String json) {
        return send(withQuery(client.put(), path), json);
    }

    Response delete(String path) {
        return send(withQuery(client.delete(), path), null);
    }

    /** The client takes the query separately: {@code ?a=b&c=d} becomes query parameters. */
    private static Http1ClientRequest withQuery(Http1ClientRequest req, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        req.path(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                req.queryParam(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return req;
    }

    Response raw(Http1ClientRequest req, String contentType, String body) {
        req.header(HeaderNames.AUTHORIZATION, "Bearer " + token).header(HeaderNames.CONTENT_TYPE, contentType);
        ClientResponseTyped<String> r = req.submit(body, String.class);
        return new Response(r.status().code(), r.entity());
    }

    Http1Client client() {
        return client;
    }

    private Response send(Http1ClientRequest req, String json) {
        req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        ClientResponseTyped<String> r;
        if (json == null) {
            r = req.request(String.class);
        } else {
            r = req.header(HeaderNames.CONTENT_TYPE, "application/json").submit(json, String.class);
        }
        return new Response(r.status().code(), r.status().code() == 204 ? "" : r.entity());
    }

    /** JSON string literal for building bodies. */
    static String q(String s) {
        return Json.createValue(s).toString();
    }
}
