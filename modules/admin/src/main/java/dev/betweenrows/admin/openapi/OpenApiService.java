package dev.betweenrows.admin.openapi;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi}: the hand-written OpenAPI 3.1 document of the whole admin API (public, like /health). */
public final class OpenApiService implements HttpService {
    private final byte[] document;

    public OpenApiService() {
        try (InputStream in = OpenApiService.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml missing from the admin module");
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get);
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8");
        res.send(document);
    }
}
