package dev.betweenrows.admin.http;

import io.helidon.webserver.http.ServerRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Strictly typed reading of a JSON object body. JSON-B binds leniently ({@code "yes"} becomes
 * {@code false} for a Boolean), which is wrong for flags like {@code is_active}; here a field of the
 * wrong JSON type is a 422 naming the field, and absent differs from {@code null} where that matters.
 */
public final class JsonFields {
    private JsonFields() {}

    /** The body as a JSON object: 415 unless JSON, 400 when empty, malformed or not an object. */
    public static JsonObject object(ServerRequest req) {
        String text = Bodies.json(req, String.class);
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o)) throw ApiException.badRequest("the request body must be a JSON object");
            return o;
        } catch (JsonException e) {
            throw new ApiException(io.helidon.http.Status.BAD_REQUEST_400, "bad_json",
                    "request body is not valid JSON: " + e.getMessage());
        }
    }

    /** A string field, or {@code null} when absent or JSON null. */
    public static String text(JsonObject body, String name) {
        JsonValue v = present(body, name);
        if (v == null) return null;
        if (v instanceof JsonString s) return s.getString();
        throw new IllegalArgumentException(name + " must be a string");
    }

    /** A boolean field, or {@code null} when absent or JSON null. */
    public static Boolean bool(JsonObject body, String name) {
        JsonValue v = present(body, name);
        if (v == null) return null;
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw new IllegalArgumentException(name + " must be true or false");
    }

    /** An object field, or {@code null} when absent or JSON null. */
    public static JsonObject object(JsonObject body, String name) {
        JsonValue v = present(body, name);
        if (v == null) return null;
        if (v instanceof JsonObject o) return o;
        throw new IllegalArgumentException(name + " must be a JSON object");
    }

    /** An array-of-strings field, or {@code null} when absent or JSON null. */
    public static List<String> strings(JsonObject body, String name) {
        JsonValue v = present(body, name);
        if (v == null) return null;
        if (v instanceof JsonArray a) {
            List<String> out = new ArrayList<>(a.size());
            for (JsonValue e : a) {
                if (!(e instanceof JsonString s)) throw new IllegalArgumentException(name + " must be an array of strings");
                out.add(s.getString());
            }
            return out;
        }
        throw new IllegalArgumentException(name + " must be an array of strings");
    }

    private static JsonValue present(JsonObject body, String name) {
        JsonValue v = body.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }
}
