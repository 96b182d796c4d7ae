package dev.betweenrows.wire.session;

import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.auth.PasswordAuthenticator;
import dev.betweenrows.wire.tls.ServerTls;
import dev.betweenrows.wire.upstream.UpstreamPool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The data-plane listener: accepts connections and runs each on its own thread (an OS thread unless configured). */
public final class Listener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Listener.class.getName());
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    private static final int UPSTREAM_IDLE_PER_DATA_SOURCE = 4;
    private static final Duration UPSTREAM_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket serverSocket;
    private final SessionServices services;
    private final ExecutorService connections;
    private final ScheduledThreadPoolExecutor timers;
    private final AtomicLong ids = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closing;

    private Listener(ServerSocket serverSocket, SessionServices services, ScheduledThreadPoolExecutor timers) {
        this.serverSocket = serverSocket;
        this.services = services;
        this.timers = timers;
        this.acceptor = Thread.ofVirtual().name("proxy-accept").unstarted(this::acceptLoop);
        // OS threads are kept for 60 s after their session ends and reused: a new thread's first statements
        // pay for its stack pages and buffers (the parser recurses deeply), ~1-4 ms in the bench's first-seen run
        this.connections = services.options().virtualThreads() ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newCachedThreadPool(Thread.ofPlatform().name("proxy-session-", 1).daemon().factory());
    }

    /** Binds and starts accepting; TLS problems (unreadable or mismatched files) fail here, before binding. */
    public static Listener start(ProxyOptions options, UserRepository users, QueryGuard guard,
                                 DataSourceResolver resolver, AuditSink audit) throws IOException {
        Optional<ServerTls> tls = tls(options);
        ServerSocket ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 512);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "proxy-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        SessionServices services = new SessionServices(options,
                new PasswordAuthenticator(users, options.tls().allowCleartextOverTls()), guard, resolver,
                new LiveSessions(), new Semaphore(options.maxConnections()), timers, tls,
                new UpstreamPool(UPSTREAM_IDLE_PER_DATA_SOURCE, UPSTREAM_CONNECT_TIMEOUT), users, audit);
        Listener listener = new Listener(ss, services, timers);
        // idle sessions follow policy changes too (busy ones check before each statement)
        timers.scheduleWithFixedDelay(services.sessions()::refreshBindings, DataSourceResolver.REFRESH_MILLIS,
                DataSourceResolver.REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        listener.acceptor.start();
        return listener;
    }

    /** Unchecked, so that ProxyServer does not report it as a bind failure. */
    private static Optional<ServerTls> tls(ProxyOptions options) {
        if (!options.tls().enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerTls.create(options.tls(), options.host()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public SessionRegistry sessions() {
        return services.sessions();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(Level.WARNING, "accept failed: " + e.getMessage());
                }
                continue;
            }
            try {
                ClientConnection connection = new ClientConnection(ids.incrementAndGet(), client, services);
                services.sessions().opened(connection);
                if (closing) { // raced with close(): it may have missed this one
                    connection.forceClose();
                    services.sessions().closed(connection);
                    continue;
                }
                connections.execute(connection);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not start connection: " + e.getMessage());
                closeQuietly(client);
            }
        }
    }

    /** Stops accepting, sends FATAL 57P01 to every open session, closes them all. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(serverSocket);
        services.sessions().terminateAll(SHUTDOWN_GRACE);
        connections.shutdown();
        try {
            if (!connections.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                connections.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.shutdownNow();
        }
        timers.shutdownNow();
        services.upstreams().close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
