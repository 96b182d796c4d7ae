package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.Glob;
import dev.betweenrows.policy.Target;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.List;

/** JSON for stored documents and audit rows (jakarta.json with Parsson). */
final class Json {
    /** Looked up once: {@code PROVIDER.create…} looks the provider up again on every call. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {}

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder starting from a copy of {@code base}. */
    static JsonObjectBuilder object(JsonObject base) {
        return PROVIDER.createObjectBuilder(base);
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** Adds {@code value} or JSON null. */
    static JsonObjectBuilder put(JsonObjectBuilder b, String name, String value) {
        return value == null ? b.addNull(name) : b.add(name, value);
    }

    static JsonValue parse(String text) {
        try (JsonReader r = PROVIDER.createReader(new StringReader(text))) {
            return r.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (!(v instanceof JsonObject o)) throw new IllegalArgumentException("JSON object expected");
        return o;
    }

    static JsonArray strings(List<String> values) {
        JsonArrayBuilder b = array();
        values.forEach(b::add);
        return b.build();
    }

    static List<String> strings(JsonValue array) {
        return array.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static JsonValue value(AttributeValue v) {
        return switch (v) {
            case AttributeValue.Text t -> PROVIDER.createValue(t.value());
            case AttributeValue.Int i -> PROVIDER.createValue(i.value());
            case AttributeValue.Bool b -> b.value() ? JsonValue.TRUE : JsonValue.FALSE;
            case AttributeValue.Strings s -> strings(s.values());
        };
    }

    /** The typed value from its stored JSON (self-describing: string, integer, boolean or array of strings). */
    static AttributeValue attributeValue(String json) {
        JsonValue v = parse(json);
        return switch (v.getValueType()) {
            case STRING -> new AttributeValue.Text(((JsonString) v).getString());
            case NUMBER -> new AttributeValue.Int(((JsonNumber) v).longValueExact());
            case TRUE -> new AttributeValue.Bool(true);
            case FALSE -> new AttributeValue.Bool(false);
            case ARRAY -> new AttributeValue.Strings(strings(v));
            default -> throw new IllegalStateException("stored attribute value is not a typed value");
        };
    }

    static JsonArray targets(List<Target> targets) {
        JsonArrayBuilder b = array();
        for (Target t : targets) {
            JsonObjectBuilder o = object()
                    .add("schemas", strings(t.schemas().stream().map(Glob::pattern).toList()))
                    .add("tables", strings(t.tables().stream().map(Glob::pattern).toList()));
            if (!t.columns().isEmpty()) o.add("columns", strings(t.columns().stream().map(Glob::pattern).toList()));
            b.add(o);
        }
        return b.build();
    }

    static List<Target> targets(String json) {
        return parse(json).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(o -> Target.of(strings(o.get("schemas")), strings(o.get("tables")),
                        o.containsKey("columns") ? strings(o.get("columns")) : List.of()))
                .toList();
    }

    static String write(JsonValue v) {
        return v.toString();
    }
}
