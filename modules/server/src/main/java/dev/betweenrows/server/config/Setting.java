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
    SESSION_THREADS("BR_SESSION_THREADS", "proxy.session-threads", Kind.oneOf("platform", "virtual"), "What runs each data-plane session: an OS thread (`platform`: less CPU per statement, ~110 kB more memory per open connection; at most `BR_MAX_CONNECTIONS` of them, kept 60 s for the next session, connections beyond that run on virtual threads) or always a virtual thread (`virtual`: for many thousands of mostly idle connections)."),
    MAX_MESSAGE_BYTES("BR_MAX_MESSAGE_BYTES", "proxy.max-message-bytes", Kind.int_(1024, 1073741824), "Largest protocol message a client may send (startup packets are capped at 10 000 bytes)."),
    ADMIN_TLS_CERT_FILE("BR_ADMIN_TLS_CERT_FILE", "admin.tls-cert-file", Kind.TEXT, "PEM certificate chain: when set (with `BR_ADMIN_TLS_KEY_FILE`), the admin plane serves HTTPS only, with HSTS and `Secure` cookies."),
    ADMIN_TLS_KEY_FILE("BR_ADMIN_TLS_KEY_FILE", "admin.tls-key-file", Kind.TEXT, "PEM (PKCS#8, unencrypted) private key for `BR_ADMIN_TLS_CERT_FILE`."),
    CORS_ALLOWED_ORIGINS("BR_CORS_ALLOWED_ORIGINS", "admin.cors-allowed-origins", Kind.TEXT, "Comma-separated origins allowed to call the admin API from a browser; empty allows none."),
    TLS("BR_TLS", "proxy.tls", Kind.oneOf("on", "off"), "Offer TLS on the data plane (`SSLRequest` → `S`). `off` answers `N`."),
    TLS_CERT_FILE("BR_TLS_CERT_FILE", "proxy.tls-cert-file", Kind.TEXT, "PEM certificate chain for the data plane. When empty, a self-signed certificate is generated once into `<data>/tls/` and its SHA-256 fingerprint is logged."),
    TLS_KEY_FILE("BR_TLS_KEY_FILE", "proxy.tls-key-file", Kind.TEXT, "PEM (PKCS#8, unencrypted) private key for `BR_TLS_CERT_FILE`."),
    ALLOW_CLEARTEXT_OVER_TLS("BR_ALLOW_CLEARTEXT_OVER_TLS", "proxy.allow-cleartext-over-tls", Kind.oneOf("true", "false"), "Ask TLS clients for a cleartext password instead of SCRAM (for clients without SCRAM). Never over plain TCP."),
    AUDIT_RETENTION_DAYS("BR_AUDIT_RETENTION_DAYS", "audit.retention-days", Kind.int_(0, 36500), "Query-audit records older than this are purged hourly; 0 keeps them forever."),
    AUDIT_QUEUE_CAPACITY("BR_AUDIT_QUEUE_CAPACITY", "audit.queue-capacity", Kind.int_(100, 10_000_000), "Audit records that may wait for the store; when full, statements are refused (53400) until it drains."),
    AUDIT_PARAMETERS("BR_AUDIT_PARAMETERS", "audit.parameters", Kind.oneOf("off", "on"), "Record bind-parameter values in the query audit."),
    BACKUP_KEEP("BR_BACKUP_KEEP", "backup.keep", Kind.int_(1, 1000), "Automatic pre-migration backups kept in `<data>/backups/` (the oldest are deleted)."),
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
