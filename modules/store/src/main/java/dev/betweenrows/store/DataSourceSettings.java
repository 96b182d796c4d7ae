package dev.betweenrows.store;

import dev.betweenrows.policy.AccessMode;

import java.util.regex.Pattern;

/**
 * The non-secret settings of a PostgreSQL data source (the password is passed separately and kept sealed).
 *
 * @param name          {@code ^[A-Za-z][A-Za-z0-9_-]{0,63}$}: what clients give as the database name
 * @param caCert        PEM for {@code verify-ca}/{@code verify-full}, or {@code null}
 * @param defaultSchema the search path's first schema, or {@code null}
 */
public record DataSourceSettings(String name, String host, int port, String database, String username,
                                 TlsMode tlsMode, String caCert, AccessMode accessMode, boolean active,
                                 String defaultSchema) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    public static final String TYPE = "postgres";

    public DataSourceSettings {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException("data source name must match ^[A-Za-z][A-Za-z0-9_-]{0,63}$");
        requireText(host, "host", 255);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
        requireText(database, "database", 128);
        requireText(username, "username", 128);
        if (tlsMode == null) tlsMode = TlsMode.REQUIRE;
        if (accessMode == null) accessMode = AccessMode.DEFAULT;
        if (caCert != null && caCert.length() > 32000) throw new IllegalArgumentException("ca_cert too long");
        if (defaultSchema != null && (defaultSchema.isBlank() || defaultSchema.length() > 128))
            throw new IllegalArgumentException("default_schema must be 1-128 characters");
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is required");
        if (value.length() > max) throw new IllegalArgumentException(what + " longer than " + max + " characters");
    }
}
