package dev.betweenrows.wire.session;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.ProxyServer;
import dev.betweenrows.wire.UpstreamTarget;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * A real ProxyServer whose data sources point at a real PostgreSQL (database name → upstream target, as the
 * test supplies), with one proxy user, alice. The user list is an in-memory repository so these tests do not
 * depend on the admin store's schema.
 */
final class UpstreamFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final ProxyServer proxy;
    final RecordingAuditSink audit = new RecordingAuditSink();

    UpstreamFixture(Path dir, QueryGuard guard, Function<String, UpstreamTarget> targets) {
        this(dir, guard, targets, Duration.ZERO);
    }

    UpstreamFixture(Path dir, QueryGuard guard, Function<String, UpstreamTarget> targets, Duration idleTimeout) {
        ProxyOptions options = new ProxyOptions("127.0.0.1", 0, 50, 1 << 20, idleTimeout, "15.18",
                Duration.ofSeconds(60));
        proxy = ProxyServer.start(options, aliceOnly(), guard, (user, database) -> {
            UpstreamTarget target = targets.apply(database);
            if (target == null) {
                return Optional.empty();
            }
            UserContext ctx = new UserContext(user.id(), user.username(), Map.of());
            DataSourceRef ds = new DataSourceRef("ds-" + database, database, AccessMode.OPEN);
            EffectivePolicies policies = EffectivePolicies.resolve(ctx, Set.of(), ds, List.of(), List.of(), List.of());
            return Optional.of(new DataSourceBinding(ctx, ds, policies,
                    new CatalogSnapshot(ds.id(), 1, List.of()), target));
        }, audit);
    }

    int port() {
        return proxy.port();
    }

    Connection connect(String database, String... extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", PASSWORD);
        p.setProperty("connectTimeout", "10");
        p.setProperty("sslmode", "disable");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, p);
    }

    @Override
    public void close() {
        proxy.close();
    }

    /** A user repository that knows alice only; every other operation is unsupported. */
    static UserRepository aliceOnly() {
        UserRecord alice = new UserRecord("u-alice", "alice", Passwords.scramVerifier(PASSWORD.toCharArray()), false,
                true, Instant.now());
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (self, method, args) -> switch (method.getName()) {
                    case "findByUsername" -> Optional.of(alice).filter(u -> u.username().equals(args[0]));
                    case "findById" -> Optional.of(alice).filter(u -> u.id().equals(args[0]));
                    case "toString" -> "alice-only users";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
