package dev.betweenrows.admin.attributes;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed attribute values to and from JSON. Input accepts typed JSON ({@code 3}, {@code true}, {@code ["a"]})
 * and BetweenRows' string form for scalars ({@code "3"}, {@code "true"}); output is always typed.
 * Every failure is an {@link IllegalArgumentException} naming the key (answered 422).
 */
public final class AttributeJson {
    private AttributeJson() {}

    /** Parses a whole attribute map against the definitions; a JSON {@code null} value means "no value". */
    public static Map<String, AttributeValue> parseAll(JsonObject json, Map<String, AttributeDefinition> definitions) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            AttributeDefinition def = definitions.get(key);
            if (def == null) {
                throw new IllegalArgumentException("unknown attribute '" + key
                        + "': define it first with POST /api/v1/attribute-definitions");
            }
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                out.put(key, parse(def.key(), def.type(), value, def));
            }
        });
        return out;
    }

    /**
     * Parses one value of {@code type}; {@code def} (nullable) also checks allowed values. A list may be
     * a JSON array or, as BetweenRows stored defaults, a string holding a JSON array.
     */
    public static AttributeValue parse(String key, AttributeType type, JsonValue value, AttributeDefinition def) {
        AttributeValue v;
        try {
            v = switch (value.getValueType()) {
                case STRING -> type == AttributeType.LIST ? listFromText(((JsonString) value).getString())
                        : AttributeValue.parseScalar(type, ((JsonString) value).getString());
                case NUMBER -> {
                    if (type != AttributeType.INTEGER) throw mismatch(type, "a number");
                    JsonNumber n = (JsonNumber) value;
                    if (!n.isIntegral()) throw new IllegalArgumentException("not an integer: " + n);
                    yield new AttributeValue.Int(n.longValueExact());
                }
                case TRUE, FALSE -> {
                    if (type != AttributeType.BOOLEAN) throw mismatch(type, "a boolean");
                    yield new AttributeValue.Bool(value == JsonValue.TRUE);
                }
                case ARRAY -> {
                    if (type != AttributeType.LIST) throw mismatch(type, "an array");
                    yield new AttributeValue.Strings(strings((JsonArray) value));
                }
                default -> throw mismatch(type, "an object or null");
            };
            if (def != null) def.check(v);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("attribute '" + key + "': integer out of range");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute '" + key + "': " + e.getMessage());
        }
        return v;
    }

    /** The JSON-B friendly form: String, Long, Boolean or List of String. */
    public static Object render(AttributeValue v) {
        if (v == null) return null;
        return switch (v) {
            case AttributeValue.Text t -> t.value();
            case AttributeValue.Int i -> i.value();
            case AttributeValue.Bool b -> b.value();
            case AttributeValue.Strings s -> s.values();
        };
    }

    public static Map<String, Object> renderAll(Map<String, AttributeValue> values) {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, render(v)));
        return out;
    }

    private static AttributeValue listFromText(String text) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return new AttributeValue.Strings(strings(reader.readArray()));
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("a list value must be a JSON array of strings");
        }
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue e : array) {
            if (!(e instanceof JsonString s)) throw new IllegalArgumentException("list elements must be strings");
            out.add(s.getString());
        }
        return out;
    }

    private static IllegalArgumentException mismatch(AttributeType type, String got) {
        return new IllegalArgumentException("expects " + type.jsonName() + ", got " + got);
    }
}
