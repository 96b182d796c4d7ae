package dev.betweenrows.policy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user-attribute definition (reference §2.11). A policy may only use {@code {user.KEY}} for a defined
 * key (or the built-ins {@code username}, {@code id}); binding an undefined key fails closed.
 *
 * @param key           {@code ^[a-zA-Z][a-zA-Z0-9_]*$}, 1–64 characters, not a {@linkplain #RESERVED_KEYS reserved} key
 * @param type          value type
 * @param defaultValue  used when a user has no value; {@code null} means SQL {@code NULL}
 * @param allowedValues if non-empty, the only values allowed (for lists: for each element)
 */
public record AttributeDefinition(String key, AttributeType type, AttributeValue defaultValue,
                                  List<String> allowedValues) {
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    /** Keys that clash with user fields or the built-in template variables. */
    public static final Set<String> RESERVED_KEYS = Set.of("id", "username", "password", "password_hash",
            "is_admin", "is_active", "email", "display_name", "attributes", "created_at", "updated_at",
            "last_login_at", "roles", "user_id");

    public AttributeDefinition {
        checkKey(key);
        Checks.required(type, "type");
        allowedValues = Checks.list(allowedValues == null ? List.of() : allowedValues, "allowedValues");
        if (defaultValue != null) {
            AttributeDefinition self = new AttributeDefinition(key, type, null, allowedValues);
            self.check(defaultValue);
        }
    }

    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches())
            throw new IllegalArgumentException("attribute key must match ^[a-zA-Z][a-zA-Z0-9_]*$ (1-64 characters)");
        if (RESERVED_KEYS.contains(key)) throw new IllegalArgumentException("attribute key is reserved: " + key);
    }

    /** Throws {@link IllegalArgumentException} (message fit for a 422) unless the value fits this definition. */
    public void check(AttributeValue value) {
        Checks.required(value, "value");
        if (value.type() != type)
            throw new IllegalArgumentException("attribute " + key + " expects " + type.jsonName()
                    + ", got " + value.type().jsonName());
        if (!allowedValues.isEmpty())
            for (String v : value.texts())
                if (!allowedValues.contains(v))
                    throw new IllegalArgumentException("value not allowed for attribute " + key + ": " + v);
    }

    /** Parses a scalar JSON-string value ({@code "3"}, {@code "true"}, text) and checks it. */
    public AttributeValue parseScalar(String text) {
        AttributeValue v = AttributeValue.parseScalar(type, text);
        check(v);
        return v;
    }
}
