package dev.betweenrows.wire;

import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.session.Listener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The data-plane listener (PostgreSQL v3 protocol), one thread per connection. Clients
 * authenticate with SCRAM-SHA-256 against the proxy's own users; every simple-protocol statement goes
 * through the {@link QueryGuard}. Statements the guard forwards run, rewritten, on an upstream session
 * pinned to the client session (from a small per-data-source pool; see {@link UpstreamTarget}); results are
 * relayed byte-for-byte and upstream errors are scrubbed. A data source without an upstream answers 08006.
 * Every statement and login attempt is audited through the {@link AuditSink}.
 */
public final class ProxyServer implements AutoCloseable {
    private final Listener listener;

    private ProxyServer(Listener listener) {
        this.listener = listener;
    }

    /**
     * Binds the listener and starts accepting. {@code resolver} decides which database names exist; every
     * statement and login attempt is recorded in {@code audit} (a statement whose record cannot be written is
     * not answered: 53400). The sink stays the caller's to close, after this server.
     */
    public static ProxyServer start(ProxyOptions options, UserRepository users, QueryGuard guard,
                                    DataSourceResolver resolver, AuditSink audit) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(audit, "audit");
        try {
            return new ProxyServer(Listener.start(options, users, guard, resolver, audit));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public String host() {
        return listener.host();
    }

    public int port() {
        return listener.port();
    }

    /** The live sessions, for the admin plane to list and end. */
    public SessionRegistry sessions() {
        return listener.sessions();
    }

    /** Stops accepting, sends FATAL 57P01 to every open session and closes them. */
    @Override
    public void close() {
        listener.close();
    }
}
