package dev.betweenrows.wire.upstream;

import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.BackendKeyData;
import dev.betweenrows.wire.message.CancelRequest;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.ParameterStatus;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.Terminate;
import dev.betweenrows.wire.message.TransactionStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A ready session on the upstream PostgreSQL server: connected, authenticated, with the server's
 * ParameterStatus values and BackendKeyData collected. The session runs read-only by default
 * ({@code default_transaction_read_only=on}) with the proxy's fixed {@code search_path}, both given at
 * start-up so that {@code RESET ALL}/{@code DISCARD ALL} fall back to them. Used by one client session's
 * thread at a time; only {@link #cancel()} may come from another thread.
 */
public final class UpstreamConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpstreamConnection.class.getName());

    private final UpstreamTarget target;
    private final UpstreamWire wire;
    private final BackendKeyData key;
    private final Map<String, String> parameters;
    private final Duration timeout;
    private TransactionStatus status = TransactionStatus.IDLE;
    private volatile boolean broken;

    private UpstreamConnection(UpstreamTarget target, UpstreamWire wire, BackendKeyData key,
                               Map<String, String> parameters, Duration timeout) {
        this.target = target;
        this.wire = wire;
        this.key = key;
        this.parameters = parameters;
        this.timeout = timeout;
    }

    /** Connects, negotiates TLS, authenticates and waits for the first ReadyForQuery. */
    public static UpstreamConnection open(UpstreamTarget target, Duration timeout) throws UpstreamException {
        UpstreamWire wire;
        try {
            wire = UpstreamWire.open(target, timeout);
        } catch (IOException e) {
            throw new UpstreamException("cannot reach upstream " + target + ": " + e.getMessage(), e);
        }
        char[] password = target.password();
        try {
            wire.sendAndFlush(startup(target));
            UpstreamAuth.run(wire, target.username(), password, wire.isTls());
            BackendKeyData key = null;
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                RawMessage m = wire.read();
                if (m == null) {
                    throw new UpstreamException("upstream closed the connection during start-up");
                }
                switch (BackendMessages.decode(m)) {
                    case ParameterStatus p -> params.put(p.name(), p.value());
                    case BackendKeyData k -> key = k;
                    case ReadyForQuery r -> {
                        wire.readTimeout(Duration.ZERO); // statements may run as long as they like
                        return new UpstreamConnection(target, wire, key, params, timeout);
                    }
                    case ErrorResponse e -> throw new UpstreamException("upstream refused the session: "
                            + e.sqlState() + " " + e.message());
                    default -> { } // notices
                }
            }
        } catch (IOException | ProtocolException e) {
            wire.close();
            throw new UpstreamException("upstream start-up with " + target + " failed: " + e.getMessage(), e);
        } catch (UpstreamException | RuntimeException e) {
            wire.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static StartupMessage startup(UpstreamTarget target) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", target.username());
        p.put("database", target.database());
        p.put("application_name", "betweenrows");
        p.put("client_encoding", "UTF8");
        // defense in depth: even a statement the guard wrongly forwarded cannot write (25006)
        p.put("options", "-c default_transaction_read_only=on -c search_path=" + String.join(",", target.searchPath()));
        return StartupMessage.v3(p);
    }

    public UpstreamTarget target() {
        return target;
    }

    /** The upstream backend's cancel key (never shown to clients). */
    public BackendKeyData backendKey() {
        return key;
    }

    /** ParameterStatus values the upstream reported at start-up. */
    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    /** The transaction status of the last ReadyForQuery. */
    public TransactionStatus status() {
        return status;
    }

    public void status(TransactionStatus status) {
        this.status = status;
    }

    /** Buffers a message for the upstream. */
    public void send(FrontendMessage message) {
        wire.send(message);
    }

    public void flush() throws IOException {
        try {
            wire.flush();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** The next upstream message, or null when it closed the connection (the connection is then broken). */
    public RawMessage read() throws IOException {
        try {
            RawMessage m = wire.read();
            if (m == null) {
                broken = true;
            }
            return m;
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Marks the session unusable: it is closed instead of pooled. */
    public void markBroken() {
        broken = true;
    }

    public boolean isUsable() {
        return !broken && !wire.isClosed();
    }

    /**
     * Runs proxy-internal statements (never client text) and discards their results; true when all succeeded
     * and the session is idle afterwards.
     */
    public boolean runInternal(String... statements) {
        try {
            for (String sql : statements) {
                send(new Query(sql));
            }
            flush();
            boolean ok = true;
            for (int remaining = statements.length; remaining > 0; ) {
                RawMessage m = read();
                if (m == null) {
                    return false;
                }
                if (m.type() == 'E') {
                    ok = false;
                } else if (m.type() == 'Z') {
                    status = ((ReadyForQuery) BackendMessages.decode(m)).status();
                    remaining--;
                }
            }
            return ok && status == TransactionStatus.IDLE;
        } catch (IOException | RuntimeException e) {
            broken = true;
            return false;
        }
    }

    /** Sends a CancelRequest for this backend on a new connection (any thread). */
    public void cancel() {
        if (key == null) {
            return;
        }
        try (UpstreamWire side = UpstreamWire.open(target, timeout)) {
            side.sendAndFlush(new CancelRequest(key.processId(), key.secretKey()));
            side.readTimeout(timeout);
            side.read(); // the server closes the connection once it has the request
        } catch (IOException | UpstreamException | RuntimeException e) {
            LOG.log(Level.FINE, "upstream cancel ended: " + e.getMessage());
        }
    }

    /**
     * From another thread (a session ended by force): drops the connection without a Terminate, so a statement
     * waiting on upstream fails at once; PostgreSQL ends the backend when it sees the connection gone.
     */
    public void abort() {
        broken = true;
        wire.abort();
    }

    /** Terminate, then close (owner thread; idempotent). */
    @Override
    public void close() {
        broken = true;
        if (!wire.isClosed()) {
            try {
                wire.sendAndFlush(Terminate.INSTANCE);
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        wire.close();
    }
}
