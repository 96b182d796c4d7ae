package dev.betweenrows.store;

import java.util.Arrays;

/** How BetweenRows connects to the upstream: libpq's sslmode values (no {@code allow}). */
public enum TlsMode {
    DISABLE("disable"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private final String jsonName;

    TlsMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static TlsMode fromJson(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tls mode: " + name));
    }
}
