package dev.betweenrows.admin.http;

import dev.betweenrows.admin.json.ErrorBody;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.bind.JsonbException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps exceptions to {@code {"error", "message"}} bodies with the right status. Unexpected errors
 * answer a generic 500 and are logged without request bodies (they may hold passwords).
 */
public final class ErrorHandling {
    private static final Logger LOG = Logger.getLogger(ErrorHandling.class.getName());

    private ErrorHandling() {}

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.status(), e.code(), e.getMessage()))
                .error(StoreNotFoundException.class, (req, res, e) -> send(res, Status.NOT_FOUND_404, "not_found", e.getMessage()))
                .error(StoreConflictException.class, (req, res, e) -> send(res, Status.CONFLICT_409, "conflict", e.getMessage()))
                .error(JsonbException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, "bad_json",
                        "request body is not valid JSON for this endpoint: " + firstLine(e)))
                .error(IllegalArgumentException.class, (req, res, e) ->
                        send(res, Status.create(422, "Unprocessable Content"), "validation_failed", e.getMessage()))
                .error(RequestException.class, (req, res, e) -> send(res, e.status(), code(e.status()), e.getMessage()))
                // e.g. NotFoundException for an unknown route: its own status, not a 500
                .error(HttpException.class, (req, res, e) -> send(res, e.status(), code(e.status()), e.getMessage()))
                .error(RuntimeException.class, ErrorHandling::unexpected);
    }

    private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
        LOG.log(Level.WARNING, "unexpected error on " + req.prologue().method().text() + " " + req.path().path(), e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "internal error");
    }

    public static void send(ServerResponse res, Status status, String code, String message) {
        res.status(status).send(new ErrorBody(code, message));
    }

    private static String code(Status status) {
        return switch (status.code()) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "error";
        };
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String m = t.getMessage().strip();
                int nl = m.indexOf('\n');
                return nl < 0 ? m : m.substring(0, nl);
            }
        }
        return "unreadable";
    }
}
