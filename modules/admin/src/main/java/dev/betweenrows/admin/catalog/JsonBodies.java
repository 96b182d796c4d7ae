package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.http.ApiException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.InputStream;

/** Reads a request body as a generic JSON object (for bodies whose shape depends on a field), with the API's errors. */
final class JsonBodies {
    private JsonBodies() {}

    static JsonObject object(ServerRequest req) {
        if (!req.content().hasEntity()) throw ApiException.badRequest("a JSON request body is required");
        boolean isJson = req.headers().contentType().map(ct -> ct.test(MediaTypes.APPLICATION_JSON)).orElse(false);
        if (!isJson) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type", "send the body as application/json");
        }
        try (InputStream in = req.content().inputStream(); JsonReader reader = Json.createReader(in)) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o)) throw ApiException.badRequest("the request body must be a JSON object");
            return o;
        } catch (JsonException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "bad_json", "request body is not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("cannot read the request body");
        }
    }
}
