package dev.betweenrows.admin.http;

import io.helidon.webserver.http.ServerRequest;

/** Path parameters. Ids are opaque: a malformed one simply names nothing (404), never 400 or 500. */
public final class PathIds {
    private PathIds() {}

    public static String param(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    /** Optional query parameter, {@code null} when absent or blank. */
    public static String query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** {@code ?name=true|false}; anything else is a 400. */
    public static boolean flag(ServerRequest req, String name) {
        String v = query(req, name);
        if (v == null) return false;
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false");
        };
    }
}
