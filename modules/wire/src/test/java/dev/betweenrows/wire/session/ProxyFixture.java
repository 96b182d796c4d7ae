package dev.betweenrows.wire.session;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.UserProfile;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real Derby store with users alice (active) and bob (marked inactive: the store has no way to deactivate
 * yet, so a thin view over the real repository flips the flag), and a real ProxyServer on a free port.
 */
final class ProxyFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final String DATABASE = "testdb";

    final AdminStore store;
    final ProxyServer proxy;
    final TestGuard guard = new TestGuard();
    final RecordingAuditSink audit = new RecordingAuditSink();

    private ProxyFixture(AdminStore store, ProxyOptions options) {
        this.store = store;
        this.proxy = ProxyServer.start(options, store.users(), guard, ProxyFixture::resolve, audit);
    }

    static ProxyFixture start(Path dir) {
        return start(dir, options(20, Duration.ZERO, Duration.ofSeconds(60)));
    }

    static ProxyFixture start(Path dir, ProxyOptions options) {
        AdminStore store = StoreProvider.load().open(new StoreOptions(dir.resolve("store")));
        for (String name : List.of("alice", "bob")) {
            if (store.users().findByUsername(name).isEmpty()) {
                store.users().create(new NewUser(name, Passwords.scramVerifier(PASSWORD.toCharArray()), false));
            }
        }
        // bob exists but is inactive: he must fail exactly like an unknown user
        var bob = store.users().findByUsername("bob").orElseThrow();
        if (bob.active()) {
            store.users().update(bob.id(), new UserProfile(null, null, false, false), Actor.SYSTEM);
        }
        return new ProxyFixture(store, options);
    }

    static ProxyOptions options(int maxConnections, Duration idle, Duration startup) {
        return new ProxyOptions("127.0.0.1", 0, maxConnections, 1 << 20, idle, "15.18", startup);
    }

    int port() {
        return proxy.port();
    }

    static Optional<DataSourceBinding> resolve(UserRecord user, String database) {
        if (!database.equals(DATABASE)) {
            return Optional.empty();
        }
        UserContext ctx = new UserContext(user.id(), user.username(), Map.of());
        DataSourceRef ds = new DataSourceRef("ds-1", DATABASE, AccessMode.OPEN);
        EffectivePolicies policies = EffectivePolicies.resolve(ctx, Set.of(), ds, List.of(), List.of(), List.of());
        return Optional.of(new DataSourceBinding(ctx, ds, policies, new CatalogSnapshot("ds-1", 1, List.of())));
    }

    @Override
    public void close() {
        proxy.close();
        store.close();
    }
}
