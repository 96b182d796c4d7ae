package dev.betweenrows.policy;

import java.util.Map;

/**
 * The user as policies see them: the built-ins {@code {user.id}} and {@code {user.username}} and the
 * typed attribute values they hold (keys without a value fall back to the definition's default).
 */
public record UserContext(String userId, String username, Map<String, AttributeValue> attributes) {
    public UserContext {
        Checks.nonBlank(userId, "userId");
        Checks.nonBlank(username, "username");
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }
}
