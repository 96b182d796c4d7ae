package dev.betweenrows.policy;

import java.util.Arrays;

/**
 * How a data source treats tables without a grant (reference §2.8).
 * <ul>
 *   <li>{@code policy_required} (the default): a table is visible only when at least one enabled
 *       {@code column_allow} assigned to the user matches it. Row filters and masks do not grant.</li>
 *   <li>{@code open}: every catalog table is visible; denies, allows (which restrict columns), masks
 *       and filters still apply.</li>
 * </ul>
 */
public enum AccessMode {
    OPEN("open"),
    POLICY_REQUIRED("policy_required");

    public static final AccessMode DEFAULT = POLICY_REQUIRED;

    private final String jsonName;

    AccessMode(String jsonName) { this.jsonName = jsonName; }

    public String jsonName() { return jsonName; }

    public static AccessMode fromJson(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown access_mode: " + name));
    }
}
