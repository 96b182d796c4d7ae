package dev.betweenrows.policy;

import java.util.Arrays;

/** The value type of a user attribute, with its JSON name. */
public enum AttributeType {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    LIST("list");

    private final String jsonName;

    AttributeType(String jsonName) { this.jsonName = jsonName; }

    public String jsonName() { return jsonName; }

    public static AttributeType fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown value_type: " + name));
    }
}
