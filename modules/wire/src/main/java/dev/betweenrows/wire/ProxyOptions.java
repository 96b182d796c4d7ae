package dev.betweenrows.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Data-plane listener settings.
 *
 * @param host            bind address
 * @param port            bind port (0 = any free port, see {@link ProxyServer#port()})
 * @param maxConnections  connections beyond this get FATAL 53300
 * @param maxMessageBytes largest frontend message accepted (startup packets are capped at 10 000 bytes)
 * @param idleTimeout     close a session idle this long; {@link Duration#ZERO} disables
 * @param serverVersion   the PostgreSQL version reported to clients
 * @param startupTimeout  a connection not authenticated and ready within this time is closed
 * @param tls             client-facing TLS and the password methods that depend on it
 * @param auditParameters record extended-protocol parameter values in the query audit ({@code BR_AUDIT_PARAMETERS};
 *                        off by default: values are often personal data)
 * @param virtualThreads  run each session on a virtual thread instead of an OS thread ({@code BR_SESSION_THREADS}).
 *                        OS threads by default: a statement's hand-offs between the virtual-thread poller and carrier
 *                        threads cost more CPU than the kernel's own wake-up of a blocked thread (bench/RESULTS.md)
 */
public record ProxyOptions(String host, int port, int maxConnections, int maxMessageBytes, Duration idleTimeout,
                           String serverVersion, Duration startupTimeout, TlsOptions tls, boolean auditParameters,
                           boolean virtualThreads) {
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public ProxyOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1");
        if (maxMessageBytes < 10_000) throw new IllegalArgumentException("maxMessageBytes must be >= 10000");
        if (idleTimeout.isNegative()) throw new IllegalArgumentException("idleTimeout must be >= 0");
        if (idleTimeout.toMillis() > Integer.MAX_VALUE) throw new IllegalArgumentException("idleTimeout too large");
        if (startupTimeout.isNegative() || startupTimeout.isZero())
            throw new IllegalArgumentException("startupTimeout must be > 0");
    }

    /** Parameter values not audited. */
    public ProxyOptions(String host, int port, int maxConnections, int maxMessageBytes, Duration idleTimeout,
                        String serverVersion, Duration startupTimeout, TlsOptions tls) {
        this(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, startupTimeout, tls, false, false);
    }

    /** TLS off. */
    public ProxyOptions(String host, int port, int maxConnections, int maxMessageBytes, Duration idleTimeout,
                        String serverVersion, Duration startupTimeout) {
        this(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, startupTimeout,
                TlsOptions.off());
    }

    /** TLS off, with the default 60 s startup timeout. */
    public ProxyOptions(String host, int port, int maxConnections, int maxMessageBytes, Duration idleTimeout,
                        String serverVersion) {
        this(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, DEFAULT_STARTUP_TIMEOUT);
    }

    public ProxyOptions withTls(TlsOptions newTls) {
        return new ProxyOptions(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, startupTimeout,
                newTls, auditParameters, virtualThreads);
    }

    public ProxyOptions withAuditParameters(boolean on) {
        return new ProxyOptions(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, startupTimeout,
                tls, on, virtualThreads);
    }

    public ProxyOptions withVirtualThreads(boolean on) {
        return new ProxyOptions(host, port, maxConnections, maxMessageBytes, idleTimeout, serverVersion, startupTimeout,
                tls, auditParameters, on);
    }
}
