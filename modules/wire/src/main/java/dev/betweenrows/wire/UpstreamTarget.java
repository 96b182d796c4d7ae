package dev.betweenrows.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and as whom the proxy connects to a data source's PostgreSQL server. Never shown to clients: errors
 * about the upstream name no host, port, database or role.
 *
 * @param host       upstream host name or address
 * @param port       upstream port
 * @param database   upstream database name
 * @param username   upstream role
 * @param password   upstream password (copied; {@link #toString()} never shows it)
 * @param tlsMode    how TLS is negotiated and verified
 * @param caCertPem  PEM of the CA (or self-signed server certificate) that verify-ca/verify-full trust; null =
 *                   the JDK's default trust store
 * @param searchPath the fixed {@code search_path} of the upstream session (plain lower-case schema names)
 */
public record UpstreamTarget(String host, int port, String database, String username, char[] password,
                             TlsMode tlsMode, String caCertPem, List<String> searchPath) {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    /** libpq's sslmode values, minus {@code allow}. */
    public enum TlsMode {
        DISABLE, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

        /** {@code verify-full}, {@code disable}, ... (case-insensitive). */
        public static TlsMode parse(String mode) {
            return valueOf(mode.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        }
    }

    public UpstreamTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tlsMode, "tlsMode");
        password = password == null ? new char[0] : password.clone();
        searchPath = List.copyOf(searchPath);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range");
        if (searchPath.isEmpty() || !searchPath.stream().allMatch(s -> SCHEMA.matcher(s).matches())) {
            throw new IllegalArgumentException("searchPath must be plain lower-case schema names");
        }
    }

    /** With {@code search_path = public}. */
    public UpstreamTarget(String host, int port, String database, String username, char[] password, TlsMode tlsMode,
                          String caCertPem) {
        this(host, port, database, username, password, tlsMode, caCertPem, List.of("public"));
    }

    /** A copy of the password (the caller may wipe it). */
    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpstreamTarget t && host.equals(t.host) && port == t.port && database.equals(t.database)
                && username.equals(t.username) && Arrays.equals(password, t.password) && tlsMode == t.tlsMode
                && Objects.equals(caCertPem, t.caCertPem) && searchPath.equals(t.searchPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, tlsMode, searchPath);
    }

    @Override
    public String toString() {
        return "UpstreamTarget[" + host + ":" + port + "/" + database + " as " + username + ", tls=" + tlsMode
                + ", password=<redacted>]";
    }
}
