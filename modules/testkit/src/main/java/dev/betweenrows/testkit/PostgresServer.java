package dev.betweenrows.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A throwaway PostgreSQL server for tests: its own initdb'd data directory under a temp dir, a free port
 * on 127.0.0.1, a random superuser password, SCRAM authentication. {@link #stop()} (or the JVM shutdown
 * hook) kills it and deletes every file it had.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.builder().withTls().start()) {
 *     pg.createDatabase("shop");
 *     pg.execute("shop", "CREATE TABLE t (id int)");
 * }
 * }</pre>
 * Most tests should use {@link WithPostgres} instead, which shares one server per test JVM.
 */
public final class PostgresServer implements AutoCloseable {

    /** Superuser created by initdb. */
    public static final String SUPERUSER = "postgres";
    public static final String HOST = "127.0.0.1";

    private final int port;
    private final String superuserPassword;
    private final Path root;
    private final Optional<Path> tlsCertificate;
    private final Teardown teardown;

    PostgresServer(int port, String superuserPassword, Path root, Optional<Path> tlsCertificate, Teardown teardown) {
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.root = root;
        this.tlsCertificate = tlsCertificate;
        this.teardown = teardown;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() { return HOST; }
    public int port() { return port; }
    public String superuser() { return SUPERUSER; }
    public String superuserPassword() { return superuserPassword; }
    /** The server's log (kept until {@link #stop()}). */
    public Path logFile() { return root.resolve(PostgresLauncher.SERVER_LOG); }
    /** The self-signed server certificate, when started {@link Builder#withTls() with TLS}; usable as sslrootcert. */
    public Optional<Path> tlsCertificate() { return tlsCertificate; }
    public boolean isStopped() { return teardown.isDone(); }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; pgjdbc then negotiates TLS if the server offers it. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** A new connection as the superuser. */
    public Connection connect(String database) throws SQLException {
        return connect(database, SUPERUSER, superuserPassword);
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Runs each statement as the superuser, in autocommit mode (so CREATE DATABASE works too). */
    public void execute(String database, String... statements) {
        run(database, true, statements);
    }

    public void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + Sql.identifier(name));
    }

    /** A LOGIN role with a SCRAM-stored password; {@code attributes} are role keywords such as CREATEDB. */
    public void createRole(String name, String password, String... attributes) {
        createRole(name, password, PasswordHash.SCRAM_SHA_256, attributes);
    }

    public void createRole(String name, String password, PasswordHash hash, String... attributes) {
        StringBuilder create = new StringBuilder("CREATE ROLE ").append(Sql.identifier(name))
                .append(" LOGIN PASSWORD ").append(Sql.literal(password));
        for (String attribute : attributes) {
            create.append(' ').append(Sql.roleAttribute(attribute));
        }
        // The statement holds a password: never echo it in an exception.
        run("postgres", false, "SET password_encryption = " + Sql.literal(hash.setting), create.toString());
    }

    /** pg_ctl stop -m immediate, then deletes the temp directory. Idempotent. */
    public void stop() {
        teardown.run();
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String database, boolean showSql, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("in database " + database + ": "
                            + (showSql ? sql : "(statement hidden)") + " -> " + e.getSQLState() + " " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + HOST + ":" + port + (tlsCertificate.isPresent() ? ", tls" : "")
                + (isStopped() ? ", stopped" : "") + "]";
    }

    /** Options that must be fixed before the server starts. */
    public static final class Builder {
        private final List<String> hbaLines = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private boolean tls;

        private Builder() {}

        /**
         * A raw pg_hba.conf line placed before the defaults (first match wins), e.g.
         * {@code "host all md5_user 127.0.0.1/32 md5"}.
         */
        public Builder hbaLine(String line) {
            if (line.contains("\n") || line.contains("\r")) {
                throw new IllegalArgumentException("one hba line at a time");
            }
            hbaLines.add(line);
            return this;
        }

        /** Lets {@code role} authenticate over TCP on 127.0.0.1 with {@code method} (md5, password, trust...). */
        public Builder hbaForRole(String role, String method) {
            return hbaLine("host all " + Sql.identifier(role) + " 127.0.0.1/32 " + method);
        }

        /** Generates a self-signed certificate (openssl) and starts with ssl=on. Plain connections still work. */
        public Builder withTls() {
            tls = true;
            return this;
        }

        /** An extra {@code -c name=value} server setting. */
        public Builder setting(String name, String value) {
            if (!name.matches("[a-z_.]+")) {
                throw new IllegalArgumentException("not a setting name: " + name);
            }
            settings.put(name, value);
            return this;
        }

        /** Starts the server; throws IllegalStateException (with the server log's tail) if it cannot. */
        public PostgresServer start() {
            return PostgresLauncher.launch(List.copyOf(hbaLines), Map.copyOf(settings), tls);
        }
    }
}
