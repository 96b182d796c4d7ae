package dev.betweenrows.admin;

import dev.betweenrows.admin.auth.Revocations;
import dev.betweenrows.admin.auth.TokenService;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import io.helidon.http.media.MediaContext;
import io.helidon.webserver.WebServerConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real embedded store with an admin and a non-admin, and the admin context the routes use. */
final class AdminFixture {
    static final String ADMIN = "root-admin";
    static final String PASSWORD = "correct-horse-battery";

    final AdminStore store;
    final AdminContext ctx;

    AdminFixture() {
        try {
            Path dir = Files.createTempDirectory("br-admin-test");
            byte[] key = new byte[32];
            store = StoreProvider.load().open(new StoreOptions(dir.resolve("store"), key));
            store.users().create(new NewUser(ADMIN, Passwords.scramVerifier(PASSWORD.toCharArray()), true));
            store.users().create(new NewUser("analyst", Passwords.scramVerifier(PASSWORD.toCharArray()), false));
            AdminOptions options = new AdminOptions("127.0.0.1", 0, "9.9.9", "0123456789abcdef0123456789abcdef".getBytes(),
                    Duration.ofHours(1), List.of("https://ui.example"), 64 * 1024, dir.resolve("backups"));
            Clock clock = Clock.systemUTC();
            ctx = new AdminContext(options, store, new NoSessions(), new TokenService(options.jwtSecret(),
                    options.tokenLifetime(), clock), new Revocations(clock), clock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same media setup as the product's server. */
    static void server(WebServerConfig.Builder server) {
        server.featuresDiscoverServices(false).maxPayloadSize(64 * 1024).mediaContext(MediaContext.create(m -> m.addMediaSupport(AdminServer.jsonb())));
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
