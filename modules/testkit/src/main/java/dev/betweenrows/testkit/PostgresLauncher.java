package dev.betweenrows.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** initdb + configure + pg_ctl start + wait until JDBC connects; cleans up everything if any step fails. */
final class PostgresLauncher {

    static final String SERVER_LOG = "server.log";
    private static final String COMMANDS_LOG = "commands.log";
    private static final int START_ATTEMPTS = 3;
    private static final long READY_TIMEOUT_MILLIS = 30_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PostgresLauncher() {}

    static PostgresServer launch(List<String> hbaLines, Map<String, String> extraSettings, boolean tls) {
        PgBinaries binaries = PgBinaries.locate();
        RunAs runAs = RunAs.detect();
        Path root = createRoot(runAs);
        Teardown teardown = new Teardown(binaries, runAs, root);
        try {
            String password = randomPassword();
            initdb(binaries, runAs, root, password);
            writeHba(root, runAs, hbaLines);
            Optional<TlsFiles> tlsFiles = Optional.empty();
            if (tls) {
                Path tlsDir = mkdir(root.resolve("tls"), runAs);
                tlsFiles = Optional.of(TlsFiles.generate(tlsDir, root.resolve(COMMANDS_LOG), runAs));
            }
            Path socketDir = mkdir(root.resolve("sock"), runAs);
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Map<String, String> settings = settings(port, socketDir, tlsFiles, extraSettings);
                try {
                    pgCtlStart(binaries, runAs, root, settings);
                    PostgresServer server = new PostgresServer(port, password, root,
                            tlsFiles.map(TlsFiles::certificate), teardown);
                    awaitReady(server);
                    return server;
                } catch (IllegalStateException e) {
                    // Another process may have taken the port between our probe and the bind: retry.
                    if (attempt < START_ATTEMPTS && LogTail.lastLines(root.resolve(SERVER_LOG), 20)
                            .contains("Address already in use")) {
                        continue;
                    }
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            String message = "PostgreSQL test server did not start: " + e.getMessage()
                    + "\n--- last " + LogTail.LINES + " lines of " + SERVER_LOG + " ---\n"
                    + LogTail.lastLines(root.resolve(SERVER_LOG), LogTail.LINES);
            teardown.run();
            throw new IllegalStateException(message, e);
        }
    }

    private static Path createRoot(RunAs runAs) {
        try {
            // When running as another user, that user must be able to reach the directory: /tmp always allows it.
            Path base = runAs.user().isPresent() ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
            Path root = Files.createTempDirectory(base, "br-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            runAs.own(root);
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp directory for PostgreSQL", e);
        }
    }

    private static void initdb(PgBinaries binaries, RunAs runAs, Path root, String password) {
        Path pwfile = root.resolve("pwfile");
        try {
            Files.writeString(pwfile, password + "\n");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            runAs.own(pwfile);
            Commands.run(runAs.wrap(List.of(binaries.initdb().toString(), "-D", root.resolve("data").toString(),
                    "-U", PostgresServer.SUPERUSER, "--auth=scram-sha-256", "--pwfile=" + pwfile,
                    "-E", "UTF8", "--locale=C", "--no-sync")), root, root.resolve(COMMANDS_LOG), 120);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + pwfile, e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException e) {
                // the whole directory is deleted at teardown anyway
            }
        }
    }

    private static void writeHba(Path root, RunAs runAs, List<String> extraLines) {
        List<String> lines = new ArrayList<>();
        lines.add("# written by dev.betweenrows.testkit; first match wins");
        lines.addAll(extraLines);
        lines.add("local all all scram-sha-256");
        lines.add("host all all 127.0.0.1/32 scram-sha-256");
        Path hba = root.resolve("data").resolve("pg_hba.conf");
        try {
            Files.write(hba, lines);
            runAs.own(hba);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + hba, e);
        }
    }

    private static Map<String, String> settings(int port, Path socketDir, Optional<TlsFiles> tls,
                                                Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("port", Integer.toString(port));
        s.put("listen_addresses", PostgresServer.HOST);
        s.put("unix_socket_directories", socketDir.toString());
        // Durability is worthless for a throwaway server; these make tests much faster.
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        tls.ifPresent(t -> {
            s.put("ssl", "on");
            s.put("ssl_cert_file", t.certificate().toString());
            s.put("ssl_key_file", t.privateKey().toString());
        });
        s.putAll(extra);
        return s;
    }

    private static void pgCtlStart(PgBinaries binaries, RunAs runAs, Path root, Map<String, String> settings) {
        // pg_ctl hands -o to /bin/sh, so every value is single-quoted.
        StringBuilder options = new StringBuilder();
        settings.forEach((name, value) -> options.append(options.isEmpty() ? "" : " ")
                .append("-c '").append(name).append('=').append(value.replace("'", "'\\''")).append('\''));
        Commands.run(runAs.wrap(List.of(binaries.pgCtl().toString(), "start", "-D", root.resolve("data").toString(),
                "-l", root.resolve(SERVER_LOG).toString(), "-w", "-t", "30", "-o", options.toString())),
                root, root.resolve(COMMANDS_LOG), 60);
    }

    private static void awaitReady(PostgresServer server) {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        SQLException last;
        do {
            try (Connection c = server.connect("postgres")) {
                if (c.isValid(5)) {
                    return;
                }
                last = new SQLException("connection not valid");
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for PostgreSQL", e);
            }
        } while (System.currentTimeMillis() < deadline);
        throw new IllegalStateException("no JDBC connection within " + READY_TIMEOUT_MILLIS / 1000 + " s: "
                + last.getMessage(), last);
    }

    private static Path mkdir(Path dir, RunAs runAs) {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            runAs.own(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PostgresServer.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port", e);
        }
    }

    /** Letters and digits only: safe in a pwfile, a JDBC property and a connection string. */
    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
