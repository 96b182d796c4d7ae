package dev.betweenrows.admin.ui;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin web UI: {@code GET /} is {@code web/index.html}, {@code GET /assets/**} the files under
 * {@code web/assets}. Resources are read through this module ({@link Module#getResourceAsStream}) because a
 * resource directory named like a package is encapsulated on the module path, where the class loader
 * (and so Helidon's class-path static content) cannot see it. Only plain relative names of known types
 * are served: no {@code ..}, no hidden files, no directory listings.
 */
public final class StaticUiService implements HttpService {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> send(res, "index.html"))
             .get("/index.html", (req, res) -> send(res, "index.html"))
             .get("/assets/{+path}", this::asset);
    }

    private void asset(ServerRequest req, ServerResponse res) {
        send(res, "assets/" + req.path().pathParameters().get("path"));
    }

    private static void send(ServerResponse res, String path) {
        Optional<byte[]> bytes = read(path);
        if (bytes.isEmpty()) {
            res.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8").send("not found");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get(extension(path))).send(bytes.get());
    }

    /** The bytes of {@code web/<path>}, or empty when the name is not plain, of an unknown type or absent. */
    static Optional<byte[]> read(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || !TYPES.containsKey(extension(path))) {
            return Optional.empty();
        }
        try (InputStream in = StaticUiService.class.getModule().getResourceAsStream("web/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
