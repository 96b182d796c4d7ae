package dev.betweenrows.admin.upstream;

import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceRepository;
import dev.betweenrows.store.DataSourceSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/**
 * JDBC connections to a data source's upstream for the admin plane (connection test, catalog discovery):
 * read-only, short timeouts, the stored TLS mode. Failures are explained in words that never hold the password.
 */
public final class Upstream {
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Upstream() {}

    /** Opens a read-only connection; the caller closes it. */
    public static Connection open(DataSourceRecord ds, DataSourceRepository repository) throws SQLException {
        DataSourceSettings s = ds.settings();
        Properties p = new Properties();
        p.setProperty("user", s.username());
        char[] password = repository.revealPassword(ds.id()).orElse(null);
        if (password != null) {
            p.setProperty("password", new String(password));
            Arrays.fill(password, '\0');
        }
        p.setProperty("sslmode", s.tlsMode().jsonName());
        p.setProperty("connectTimeout", "10");
        p.setProperty("loginTimeout", "15");
        p.setProperty("socketTimeout", "120");
        p.setProperty("ApplicationName", "betweenrows-admin");
        p.setProperty("readOnly", "true");
        Path ca = null;
        try {
            if (s.caCert() != null) {
                ca = Files.createTempFile("br-ca", ".pem");
                Files.writeString(ca, s.caCert());
                p.setProperty("sslrootcert", ca.toString());
            }
            String url = "jdbc:postgresql://" + hostPart(s.host()) + ":" + s.port() + "/" + encode(s.database());
            Connection c = DRIVER.connect(url, p);
            if (c == null) throw new SQLException("the driver did not accept the connection URL", "08001");
            c.setReadOnly(true);
            return c;
        } catch (IOException e) {
            throw new SQLException("cannot write the CA certificate to a temporary file", "58030", e);
        } finally {
            p.remove("password");
            if (ca != null) {
                try {
                    Files.deleteIfExists(ca);
                } catch (IOException ignored) {
                    // a public CA certificate left in the temp directory is not a secret
                }
            }
        }
    }

    /** Why a connection failed, for the admin: unreachable, authentication, missing database, TLS, … */
    public static String describe(SQLException e, DataSourceSettings s) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = s.host() + ":" + s.port();
        return switch (state) {
            case "28P01", "28000" -> "authentication failed: the upstream rejected user \"" + s.username()
                    + "\" or its password";
            case "3D000" -> "database \"" + s.database() + "\" does not exist on " + where;
            case "42501" -> "user \"" + s.username() + "\" may not connect or read the catalog: permission denied";
            default -> {
                Throwable cause = rootCause(e);
                if (cause instanceof UnknownHostException) yield "cannot reach " + where + ": unknown host";
                if (cause instanceof ConnectException) yield "cannot reach " + where + ": connection refused";
                if (cause instanceof NoRouteToHostException) yield "cannot reach " + where + ": no route to host";
                if (cause instanceof SocketTimeoutException) yield "cannot reach " + where + ": timed out";
                String m = firstLine(e.getMessage());
                if (m.toLowerCase(java.util.Locale.ROOT).contains("ssl"))
                    yield "TLS failed with " + where + " (sslmode " + s.tlsMode().jsonName() + "): " + m;
                yield "connection to " + where + " failed: " + m;
            }
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String firstLine(String m) {
        if (m == null || m.isBlank()) return "no reason given";
        String line = m.strip().lines().findFirst().orElse(m);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String hostPart(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String encode(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
