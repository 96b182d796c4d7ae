package dev.betweenrows.server.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the server reads: the single list that configuration, validation, the unknown-variable
 * warning and {@code docs/reference/configuration.md} are generated from. Secrets are read from the
 * environment only (never from a file someone might commit) and are never printed.
 */
public enum Setting {
    PROXY_BIND_ADDR("BR_PROXY_BIND_ADDR", "proxy.bind-addr", Kind.ADDRESS, "Data plane (PostgreSQL protocol) listen address."),
    ADMIN_BIND_ADDR("BR_ADMIN_BIND_ADDR", "admin.bind-addr", Kind.ADDRESS, "Admin plane (REST API, UI, health, metrics) listen address."),
    DATA_DIR("BR_DATA_DIR", "data-dir", Kind.PATH, "Data directory: admin store, key files, backups. The container image uses `/data`."),
    ADMIN_USER("BR_ADMIN_USER", "admin.user", Kind.TEXT, "Username of the admin seeded on first start."),
    ADMIN_PASSWORD("BR_ADMIN_PASSWORD", null, Kind.SECRET, "Password of the admin seeded on first start (required when the store has no users; at least 8 characters). Ignored afterwards."),
    ENCRYPTION_KEY("BR_ENCRYPTION_KEY", null, Kind.HEX_KEY, "AES-256-GCM key for stored secrets, 64 hex characters. When unset, a key file `encryption.key` (mode 0600) is created once in the data dir: back it up."),
    ADMIN_JWT_SECRET("BR_ADMIN_JWT_SECRET", null, Kind.SECRET, "HS256 secret for admin tokens (at least 32 characters). When unset, a key file `jwt.secret` (mode 0600) is created once in the data dir."),
    ADMIN_JWT_EXPIRY_HOURS("BR_ADMIN_JWT_EXPIRY_HOURS", "admin.jwt-expiry-hours", Kind.int_(1, 720), "Lifetime of an admin token, in hours."),
    IDLE_TIMEOUT_SECS("BR_IDLE_TIMEOUT_SECS", "proxy.idle-timeout-secs", Kind.int_(0, 604800), "Close data-plane sessions idle this long; 0 disables."),
    MAX_CONNECTIONS("BR_MAX_CONNECTIONS", "proxy.max-connections", Kind.int_(1, 100000), "Data-plane connections beyond this are refused with SQLSTATE 53300."),
    MAX_MESSAGE_BYTES("BR_MAX_MESSAGE_BYTES", "proxy.max-message-bytes", Kind.int_(1024, 1073741824), "Largest protocol message a client may send (startup packets are capped at 10 000 bytes)."),
    CORS_ALLOWED_ORIGINS("BR_CORS_ALLOWED_ORIGINS", "admin.cors-allowed-origins", Kind.TEXT, "Comma-separated origins allowed to call the admin API from a browser; empty allows none."),
    LOG_LEVEL("BR_LOG_LEVEL", "log-level", Kind.oneOf("error", "warn", "info", "debug", "trace"), "Log level. Secrets are never logged at any level.");

    private final String env;
    private final String key;
    private final Kind kind;
    private final String description;

    Setting(String env, String key, Kind kind, String description) {
        this.env = env;
        this.key = key;
        this.kind = kind;
        this.description = description;
    }

    public String env() {
        return env;
    }

    /** Key in {@code application.yaml}; empty for secrets, which come from the environment only. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return kind == Kind.SECRET || kind == Kind.HEX_KEY;
    }

    public static Optional<Setting> byEnv(String name) {
        return Arrays.stream(values()).filter(s -> s.env.equals(name)).findFirst();
    }
}
