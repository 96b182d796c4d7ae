package dev.betweenrows.admin.ui;

import dev.betweenrows.admin.AdminOptions;
import dev.betweenrows.admin.AdminServer;
import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The real admin server on a free port over a real embedded store with one admin. */
final class UiServer implements AutoCloseable {
    static final String ADMIN = "ui-admin";
    static final String PASSWORD = "ui-admin-password-1";
    static final String VERSION = "7.7.7-ui";

    final AdminStore store;
    final AdminServer server;

    UiServer() throws IOException {
        this(new NoSessions());
    }

    /** With a data plane the test controls (the dashboard's open sessions). */
    UiServer(SessionRegistry sessions) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        store = StoreProvider.load().open(new StoreOptions(Files.createTempDirectory("br-ui-store").resolve("store"), key));
        store.users().create(new NewUser(ADMIN, Passwords.scramVerifier(PASSWORD.toCharArray()), true));
        byte[] jwt = new byte[32];
        new SecureRandom().nextBytes(jwt);
        server = AdminServer.start(new AdminOptions("127.0.0.1", 0, VERSION, jwt, Duration.ofHours(1), List.of(), 1024 * 1024, java.nio.file.Path.of("target/ui-backups").toAbsolutePath()),
                store, sessions);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        store.close();
    }

    /** A data plane without open sessions. */
    private static final class NoSessions implements SessionRegistry {
        @Override public List<SessionInfo> list() { return List.of(); }
        @Override public Optional<SessionInfo> find(long sessionId) { return Optional.empty(); }
        @Override public boolean terminate(long sessionId, String reason) { return false; }
        @Override public int terminateUser(String userId, String reason) { return 0; }
        @Override public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) { return 0; }
        @Override public int terminateDataSource(String dataSourceId, String reason) { return 0; }
    }
}
