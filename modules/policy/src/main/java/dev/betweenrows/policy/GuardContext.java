package dev.betweenrows.policy;

import java.util.Map;

/**
 * Server-wide settings handed to {@link QueryGuardProvider#create}.
 *
 * @param serverVersion    the {@code server_version} the proxy reports (for {@code version()} and
 *                         {@code SHOW server_version} answered locally)
 * @param rewriteCacheSize maximum number of cached rewrites (0 disables the cache)
 * @param options          further {@code BR_*} settings meant for the guard, by lower-case key; unknown
 *                         keys are ignored
 */
public record GuardContext(String serverVersion, int rewriteCacheSize, Map<String, String> options) {
    /** The PostgreSQL version the data plane presents (ParameterStatus, {@code version()}, previews). */
    public static final String SERVER_VERSION = "15.0 (BetweenRows)";

    public GuardContext {
        Checks.nonBlank(serverVersion, "serverVersion");
        if (rewriteCacheSize < 0) throw new IllegalArgumentException("rewriteCacheSize must be >= 0");
        options = Map.copyOf(options == null ? Map.of() : options);
    }
}
