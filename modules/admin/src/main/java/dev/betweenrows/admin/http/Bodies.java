package dev.betweenrows.admin.http;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** Reads JSON request bodies: JSON content type required (415), empty or malformed body → 400. */
public final class Bodies {
    private Bodies() {}

    public static <T> T json(ServerRequest req, Class<T> type) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("a JSON request body is required");
        }
        boolean isJson = req.headers().contentType()
                .map(ct -> ct.test(MediaTypes.APPLICATION_JSON)).orElse(false);
        if (!isJson) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "send the body as application/json");
        }
        T value = req.content().as(type);
        if (value == null) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return value;
    }
}
