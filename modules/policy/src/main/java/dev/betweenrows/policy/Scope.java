package dev.betweenrows.policy;

import java.util.Arrays;

/**
 * Who an assignment or access grant is for. The declaration order is also the tie-break order between
 * assignments of equal priority: {@code user} before {@code role} before {@code all}.
 */
public enum Scope {
    USER("user"),
    ROLE("role"),
    ALL("all");

    private final String jsonName;

    Scope(String jsonName) { this.jsonName = jsonName; }

    public String jsonName() { return jsonName; }

    public static Scope fromJson(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope: " + name));
    }

    /** Whether something with this scope and scope id concerns the user. */
    boolean covers(String scopeId, String userId, java.util.Set<String> activeRoleIds) {
        return switch (this) {
            case ALL -> true;
            case USER -> scopeId.equals(userId);
            case ROLE -> activeRoleIds.contains(scopeId);
        };
    }

    static String checkScopeId(Scope scope, String scopeId) {
        Checks.required(scope, "scope");
        if (scope == ALL && scopeId != null) throw new IllegalArgumentException("scope all takes no user or role id");
        if (scope != ALL) Checks.nonBlank(scopeId, scope.jsonName + " id");
        return scopeId;
    }
}
