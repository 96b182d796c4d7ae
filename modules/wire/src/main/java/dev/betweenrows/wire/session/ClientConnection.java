package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionState;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.codec.FrameDecoder;
import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.message.AuthenticationOk;
import dev.betweenrows.wire.message.BackendKeyData;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.TransactionStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection from its first packet to its close, on its own thread (an OS or a virtual thread,
 * {@code BR_SESSION_THREADS}): AWAIT_STARTUP → AUTHENTICATING → READY ⇄ IN_QUERY → CLOSED. Each step is its
 * own class (startup negotiation, {@link Authentication}, {@link QueryLoop}); this one sequences them and
 * turns every failure into at most one FATAL ErrorResponse followed by a close of this connection only.
 */
final class ClientConnection implements Runnable {
    private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());
    private static final long TERMINATE_GRACE_MILLIS = 3000;

    private final long id;
    private final Socket socket;
    private final SessionServices services;
    private final Instant startedAt = Instant.now();
    private final String clientAddress;
    private final ClientChannel channel;
    private final FrameDecoder decoder;
    private volatile ConnectionState state = ConnectionState.AWAIT_STARTUP;
    private volatile Instant statementStartedAt;
    private volatile SessionInfo baseInfo; // set once authenticated and bound
    private volatile GuardSession guardSession;
    private volatile SessionSettings settings;
    private volatile LiveSessions.CancelKey cancelKey;
    private volatile UpstreamSession upstream; // pinned for the session's life; null without an upstream
    private volatile UserRecord user; // set once bound; the binding refresh re-reads it
    private volatile String database;
    private volatile long boundVersion;
    private volatile Thread owner;
    private final Object idleLock = new Object();   // READY -> IN_QUERY and READY -> ending idle exclude each other
    private long readySince = System.nanoTime();     // guarded by idleLock: when it last started waiting for its client
    private boolean endingIdle;                       // guarded by idleLock
    private boolean revoked;                          // guarded by this: being ended by the timer thread

    ClientConnection(long id, Socket socket, SessionServices services) throws IOException {
        this.id = id;
        this.socket = socket;
        this.services = services;
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.clientAddress = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        this.channel = new ClientChannel(socket);
        this.decoder = new FrameDecoder(socket.getInputStream(), services.options().maxMessageBytes());
    }

    long id() {
        return id;
    }

    @Override
    public void run() {
        owner = Thread.currentThread();
        ScheduledFuture<?> deadline = services.timers().schedule(this::startupTimedOut,
                services.options().startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        boolean admitted = false;
        try {
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            StartupMessage startup = StartupNegotiation.negotiate(decoder, channel, services.sessions(),
                    services.tls());
            if (startup == null) {
                return;
            }
            state = ConnectionState.AUTHENTICATING;
            admitted = services.slots().tryAcquire();
            if (!admitted) {
                throw SessionError.tooManyConnections();
            }
            StartupParameters params = StartupParameters.from(startup);
            Authentication auth = new Authentication(services, decoder, channel, socket);
            long version = services.resolver().version(); // before resolving: a change meanwhile is seen later
            DataSourceBinding binding = login(auth, params);
            if (binding == null) {
                return; // the client hung up mid-exchange
            }
            boundVersion = version;
            settings = new SessionSettings(params, services.options().serverVersion());
            if (binding.upstream() != null) {
                upstream = UpstreamSession.open(services.upstreams(), binding, settings);
            }
            becomeReady(binding, params);
            deadline.cancel(false);
            StatementAudit audit = new StatementAudit(services.audit(), new StatementAudit.Identity(id,
                    binding.user().userId(), binding.user().username(), binding.dataSource().id(),
                    binding.dataSource().name(), clientAddress), () -> settings.get("application_name").orElse(""),
                    services.options().auditParameters());
            SimpleQueryHandler queries = new SimpleQueryHandler(services.guard(),
                    new SessionControlHandler(settings, upstream), upstream, audit);
            new QueryLoop(decoder, channel, queries, () -> guardSession, this::moveTo,
                    () -> upstream == null ? TransactionStatus.IDLE : upstream.status(),
                    upstream == null ? null : new ExtendedQueryHandler(services.guard(), upstream, audit),
                    this::checkBinding).run();
        } catch (SessionError e) {
            fatal(e.toFatal());
        } catch (ProtocolException e) {
            fatal(e.toErrorResponse());
        } catch (IOException e) {
            LOG.log(Level.FINE, "connection " + id + " ended: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connection " + id + " failed", e);
            fatal(ErrorResponse.error("FATAL", "XX000", "internal error"));
        } finally {
            state = ConnectionState.CLOSED;
            deadline.cancel(false);
            if (admitted) {
                services.slots().release();
            }
            services.sessions().closed(this);
            channel.close();
            if (upstream != null) {
                upstream.release();
            }
        }
    }

    /** Authenticates and binds, auditing the attempt; null when the client hung up. */
    private DataSourceBinding login(Authentication auth, StartupParameters params) throws IOException {
        Optional<UserRecord> authenticated;
        try {
            authenticated = auth.authenticate(params.user());
        } catch (SessionError e) {
            auditLogin(params, null, null, e);
            throw e;
        }
        if (authenticated.isEmpty()) {
            return null;
        }
        DataSourceBinding binding;
        try {
            binding = auth.bind(authenticated.get(), params.database());
        } catch (SessionError e) {
            auditLogin(params, authenticated.get(), null, e);
            throw e;
        }
        if (!auditLogin(params, authenticated.get(), binding, null)) {
            throw new SessionError(StatementAudit.UNAVAILABLE_STATE, "audit unavailable: login refused");
        }
        user = authenticated.get();
        database = params.database();
        return binding;
    }

    private boolean auditLogin(StartupParameters params, UserRecord who, DataSourceBinding binding, SessionError e) {
        return LoginAudit.record(services.audit(), id, params.user(), who == null ? null : who.id(),
                binding == null ? null : binding.dataSource().id(), params.database(), clientAddress,
                params.applicationName(), e == null ? null : e.sqlState(), e == null ? null : e.getMessage());
    }

    /** Before each statement (session thread): a revoked session ends with FATAL 57P01. */
    private void checkBinding() {
        if (!refreshBinding()) {
            throw SessionError.accessRevoked();
        }
    }

    /**
     * Follows policy, catalog, grant and user changes: when the resolver's version moved, the binding is resolved
     * again for this user and data source. Returns false — and, from another thread, ends the session — when the
     * user is gone or inactive, lost the grant, or the data source is gone.
     */
    synchronized boolean refreshBinding() {
        UserRecord bound = user;
        GuardSession current = guardSession;
        long version = services.resolver().version();
        if (bound == null || current == null || version == boundVersion || state == ConnectionState.CLOSED) {
            return true;
        }
        Optional<DataSourceBinding> fresh;
        try {
            fresh = services.users().findById(bound.id()).filter(UserRecord::active)
                    .flatMap(u -> services.resolver().resolve(u, database))
                    .filter(b -> b.user().userId().equals(bound.id())
                            && b.dataSource().id().equals(current.dataSource().id()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "binding refresh failed for session " + id + "; keeping the current one", e);
            return true; // the store is unreachable: retried on the next statement or tick
        }
        if (fresh.isEmpty()) {
            if (Thread.currentThread() != owner && !revoked) {   // the timer: a terminate can wait on a slow client
                revoked = true;
                Thread.ofVirtual().name("revoke-" + id).start(() -> terminate(SessionError.accessRevoked()));
            }
            return false;
        }
        DataSourceBinding b = fresh.get();
        guardSession = new GuardSession(id, b.user(), b.dataSource(), b.policies(), b.catalog());
        boundVersion = version;
        return true;
    }

    private void becomeReady(DataSourceBinding binding, StartupParameters params) throws IOException {
        cancelKey = services.sessions().issueKey(this);
        guardSession = new GuardSession(id, binding.user(), binding.dataSource(), binding.policies(), binding.catalog());
        baseInfo = new SessionInfo(id, binding.user().userId(), binding.user().username(), binding.dataSource().id(),
                binding.dataSource().name(), clientAddress, params.applicationName(), startedAt, SessionState.IDLE,
                null);
        channel.send(AuthenticationOk.INSTANCE);
        settings.startupReport().forEach(channel::send);
        channel.send(new BackendKeyData(cancelKey.processId(), cancelKey.secretKey()));
        channel.send(ReadyForQuery.IDLE);
        moveTo(ConnectionState.READY);
        channel.flush();
    }

    /**
     * A session the idle check is ending does not start the statement that arrived meanwhile: it ends with the same
     * 57P05 (whichever thread's terminate comes first sends it, the other finds the connection terminated).
     */
    private void moveTo(ConnectionState next) {
        boolean ending;
        synchronized (idleLock) {
            ending = endingIdle && next == ConnectionState.IN_QUERY;
            if (!ending) {
                statementStartedAt = next == ConnectionState.IN_QUERY ? Instant.now() : null;
                if (next == ConnectionState.READY) {
                    readySince = System.nanoTime();
                }
                state = next;
            }
        }
        if (ending) {
            terminate(SessionError.idleTimeout());
            throw SessionError.idleTimeout();
        }
    }

    /**
     * From the timer thread: a session that has waited for its client longer than {@code limitNanos} is ended
     * with 57P05, on a virtual thread of its own (a client that stopped reading can hold a terminate up).
     * A timestamp instead of a socket read timeout, because a timed read keeps the socket non-blocking for good
     * and costs two more system calls on every read that waits.
     */
    boolean endIfIdle(long limitNanos, long now) {
        synchronized (idleLock) {
            if (endingIdle || state != ConnectionState.READY || now - readySince < limitNanos) {
                return false;
            }
            endingIdle = true;
        }
        Thread.ofVirtual().name("idle-end-" + id).start(() -> terminate(SessionError.idleTimeout()));
        return true;
    }

    /** The session as the admin plane sees it; empty until authenticated and bound. */
    Optional<SessionInfo> info() {
        SessionInfo base = baseInfo;
        if (base == null) {
            return Optional.empty();
        }
        SessionState current = switch (state) {
            case READY -> SessionState.IDLE;
            case IN_QUERY -> SessionState.ACTIVE;
            case CLOSED -> SessionState.CLOSING;
            case AWAIT_STARTUP, AUTHENTICATING -> SessionState.STARTING;
        };
        return Optional.of(new SessionInfo(base.id(), base.userId(), base.username(), base.dataSourceId(),
                base.dataSourceName(), base.clientAddress(), settings.get("application_name").orElse(""),
                base.startedAt(), current,
                current == SessionState.ACTIVE ? statementStartedAt : null));
    }

    int processId() {
        LiveSessions.CancelKey key = cancelKey;
        return key == null ? 0 : key.processId();
    }

    int secretKey() {
        return cancelKey.secretKey();
    }

    /** A matching CancelRequest: delivered to the pinned upstream backend (the client then gets its 57014). */
    void cancelCurrentStatement() {
        UpstreamSession pinned = upstream;
        if (pinned != null && state == ConnectionState.IN_QUERY) {
            pinned.cancel();
        }
    }

    /**
     * From another thread: FATAL (once a StartupMessage was seen, else a plain close), then close. A statement
     * running upstream is cancelled, as PostgreSQL's own termination ends the running query.
     */
    void terminate(SessionError why) {
        closeSoon();
        channel.terminate(state == ConnectionState.AWAIT_STARTUP ? null : why.toFatal());
        cancelCurrentStatement();
    }

    /**
     * The client socket closes within {@link #TERMINATE_GRACE_MILLIS} whatever happens: a client that stopped reading
     * with full socket buffers blocks the FATAL's write, which has no timeout (only the client side is closed: the
     * upstream connection may be back in the pool by then).
     */
    private void closeSoon() {
        try {
            services.timers().schedule(channel::close, TERMINATE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the listener is closing: its shutdown closes every connection
        }
    }

    /** From another thread: closes the client and drops the upstream connection, so no read keeps it alive. */
    void forceClose() {
        channel.close();
        UpstreamSession pinned = upstream;
        if (pinned != null) pinned.abort();
    }

    private void startupTimedOut() {
        switch (state) {
            case AWAIT_STARTUP -> channel.terminate(null);
            case AUTHENTICATING ->
                    channel.terminate(ErrorResponse.error("FATAL", "57014", "canceling authentication due to timeout"));
            default -> { }
        }
    }

    /** The session's own FATAL: whatever is buffered goes first, then the error, then the close. */
    private void fatal(ErrorResponse error) {
        try {
            channel.sendFatal(error);
        } catch (IOException | RuntimeException ignored) {
            // the client is gone; closing is all that is left
        }
    }
}
