package dev.betweenrows.server.startup;

import dev.betweenrows.admin.AdminOptions;
import dev.betweenrows.admin.AdminServer;
import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.QueryGuardProvider;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.server.binding.StoreDataSourceResolver;
import dev.betweenrows.server.metrics.MeteredAuditSink;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditSinkProvider;
import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.wire.ProxyServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** Start-up order: settings → data dir → keys → store (+migrations) → first admin → guard → listeners → ready. */
public final class Server {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());

    private final AdminStore store;
    private final AuditSink audit;
    private final ProxyServer proxy;
    private final AdminServer admin;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(AdminStore store, AuditSink audit, ProxyServer proxy, AdminServer admin) {
        this.store = store;
        this.audit = audit;
        this.proxy = proxy;
        this.admin = admin;
    }

    public static Server start(Settings settings, Map<String, String> env) {
        long t0 = System.nanoTime();
        settings.warnings().forEach(LOG::warning);
        Path data = settings.path(Setting.DATA_DIR).toAbsolutePath().normalize();
        createDataDir(data);
        byte[] encryptionKey = KeyFiles.hexKey(settings.get(Setting.ENCRYPTION_KEY), data.resolve("encryption.key"),
                Setting.ENCRYPTION_KEY.env());
        String jwtSecret = KeyFiles.secret(settings.get(Setting.ADMIN_JWT_SECRET), data.resolve("jwt.secret"),
                Setting.ADMIN_JWT_SECRET.env(), 32);

        AdminStore store = openStore(data, encryptionKey, settings.integer(Setting.BACKUP_KEEP));
        AuditSink audit = null;
        ProxyServer proxy = null;
        try {
            FirstAdmin.ensure(store.users(), settings);
            audit = new MeteredAuditSink(AuditSinkProvider.load().open(store, data.resolve("audit-journal"),
                    settings.integer(Setting.AUDIT_QUEUE_CAPACITY), Duration.ofSeconds(2),
                    Duration.ofDays(settings.integer(Setting.AUDIT_RETENTION_DAYS))));
            QueryGuard guard = loadGuard();
            proxy = ProxyServer.start(DataPlaneWiring.options(settings, data), store.users(), guard,
                    new StoreDataSourceResolver(store), audit);
            InetSocketAddress adminAddr = settings.address(Setting.ADMIN_BIND_ADDR);
            AdminServer admin = AdminServer.start(new AdminOptions(adminAddr.getHostString(), adminAddr.getPort(),
                    Version.current(), jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Duration.ofHours(settings.integer(Setting.ADMIN_JWT_EXPIRY_HOURS)),
                    corsOrigins(settings), 1 << 20, data.resolve("backups")), store, proxy.sessions(), adminTls(settings));
            Server server = new Server(store, audit, proxy, admin);
            // registered before "ready" is announced, so a SIGTERM right after it still drains
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
            LOG.info("start-up took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            LOG.info("BetweenRows " + Version.current() + " ready: data plane "
                    + settings.address(Setting.PROXY_BIND_ADDR).getHostString() + ":" + proxy.port()
                    + ", admin " + (adminTls(settings).isPresent() ? "https" : "http") + "://" + adminAddr.getHostString()
                    + ":" + admin.port());
            return server;
        } catch (RuntimeException e) {
            if (proxy != null) proxy.close();
            if (audit != null) audit.close();
            store.close();
            throw e instanceof StartupException || e instanceof dev.betweenrows.server.config.ConfigException ? e
                    : new StartupException("start-up failed: " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<dev.betweenrows.admin.AdminTls> adminTls(Settings settings) {
        String cert = settings.get(Setting.ADMIN_TLS_CERT_FILE).orElse("").strip();
        String key = settings.get(Setting.ADMIN_TLS_KEY_FILE).orElse("").strip();
        if (cert.isEmpty() && key.isEmpty()) return java.util.Optional.empty();
        if (cert.isEmpty() || key.isEmpty()) {
            throw new StartupException("BR_ADMIN_TLS_CERT_FILE and BR_ADMIN_TLS_KEY_FILE must be set together");
        }
        try {
            return java.util.Optional.of(new dev.betweenrows.admin.AdminTls(Path.of(cert), Path.of(key)));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
    }

    private static java.util.List<String> corsOrigins(Settings settings) {
        return java.util.Arrays.stream(settings.get(Setting.CORS_ALLOWED_ORIGINS).orElse("").split(","))
                .map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    private static void createDataDir(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new StartupException("cannot create data directory " + data + " (BR_DATA_DIR): " + e.getMessage(), e);
        }
    }

    private static AdminStore openStore(Path data, byte[] encryptionKey, int backupKeep) {
        try {
            AdminStore store = StoreProvider.load().open(new StoreOptions(data.resolve("store"), encryptionKey, backupKeep));
            logMigrations(store.migrationReport());
            return store;
        } catch (StoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static void logMigrations(MigrationReport report) {
        for (MigrationReport.AppliedMigration m : report.applied()) {
            LOG.info("applied migration V" + m.version() + " " + m.description() + " (" + m.millis() + " ms)");
        }
        if (report.applied().isEmpty()) {
            LOG.info("admin store schema at version " + report.toVersion() + ", no migration pending");
        } else {
            LOG.info("admin store migrated from " + (report.fromVersion() == null ? "empty" : "version " + report.fromVersion())
                    + " to version " + report.toVersion());
        }
    }

    /** The enforcement engine is mandatory: without one the data plane does not start (fail closed). */
    static QueryGuard loadGuard() {
        QueryGuardProvider provider = ServiceLoader.load(QueryGuardProvider.class).findFirst()
                .orElseThrow(() -> new StartupException("no query guard on the module path: refusing to start the data plane"));
        return provider.create(new GuardContext(GuardContext.SERVER_VERSION, 10_000, Map.of()));
    }

    /** Drains and stops both planes, then closes the store; idempotent. */
    public void stop() {
        if (stopped.getCount() == 0) return;
        Logs.atShutdown(Server.class.getName(), "shutting down");
        proxy.close();      // sessions end first: their last audit records are written
        audit.close();      // drains the backlog into the store
        admin.close();
        store.close();
        Logs.atShutdown(Server.class.getName(), "stopped");
        stopped.countDown();
    }

    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
