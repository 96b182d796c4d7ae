package dev.betweenrows.admin.http;

import io.helidon.http.Status;

/** An API error answered as {@code {"error": code, "message": text}} with its HTTP status. */
public final class ApiException extends RuntimeException {
    private final Status status;
    private final String code;

    public ApiException(Status status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, "bad_request", message);
    }

    public static ApiException unauthorized() {
        return new ApiException(Status.UNAUTHORIZED_401, "unauthorized", "authentication required");
    }

    public static ApiException notFound(String what) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, "conflict", message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(Status.create(422, "Unprocessable Content"), "validation_failed", message);
    }
}
