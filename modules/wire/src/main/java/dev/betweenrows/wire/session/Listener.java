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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
    /** Virtual threads: every session when so configured, else the connections beyond the OS-thread bound. */
    private final ExecutorService overflow = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledThreadPoolExecutor timers;
    private final AtomicLong ids = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closing;

    private Listener(ServerSocket serverSocket, SessionServices services, ScheduledThreadPoolExecutor timers) {
        this.serverSocket = serverSocket;
        this.services = services;
        this.timers = timers;
        this.acceptor = Thread.ofVirtual().name("proxy-accept").unstarted(this::acceptLoop);
        this.connections = services.options().virtualThreads() ? overflow
                : osThreads(services.options().maxConnections(), "proxy-" + serverSocket.getLocalPort() + "-session-");
    }

    /**
     * At most {@code max} OS threads, each kept 60 s after its session ends for the next one (a new thread's first
     * statements pay for its stack pages: the parser recurses deeply). Connections beyond that get a virtual
     * thread, so that a flood of connections that never log in (the connection limit counts only sessions that
     * did) costs no OS threads.
     */
    private ExecutorService osThreads(int max, String threadName) {
        return new ThreadPoolExecutor(0, max, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().name(threadName, 1).daemon().factory(),
                (task, pool) -> overflow.execute(task));
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
        // two threads: the binding refresh reads the store for every session and can be slow; startup deadlines,
        // idle checks and the close of terminated sessions must not wait behind it
        AtomicLong timerThreads = new AtomicLong();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "proxy-timers-" + timerThreads.incrementAndGet());
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
        Duration idle = options.idleTimeout();
        if (!idle.isZero()) {
            long every = Math.clamp(idle.toMillis() / 4, 50, 1000);
            timers.scheduleWithFixedDelay(() -> services.sessions().endIdle(idle), every, every, TimeUnit.MILLISECONDS);
        }
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
                start(connection);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not start connection: " + e.getMessage());
                closeQuietly(client);
            }
        }
    }

    /** Runs the connection; when no thread can be had (not even a virtual one), closes it and keeps accepting. */
    private void start(ClientConnection connection) {
        try {
            connections.execute(connection);
        } catch (RuntimeException | OutOfMemoryError e) {   // the OS refused a thread: this connection only
            LOG.log(Level.WARNING, "could not start a thread for connection " + connection.id() + ": " + e);
            connection.forceClose();
            services.sessions().closed(connection);
        }
    }

    /** Stops accepting, sends FATAL 57P01 to every open session, closes them all. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(serverSocket);
        services.sessions().terminateAll(SHUTDOWN_GRACE);
        for (ExecutorService threads : List.of(connections, overflow)) {
            threads.shutdown();
            try {
                if (!threads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    threads.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                threads.shutdownNow();
            }
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
