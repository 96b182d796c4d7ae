package dev.betweenrows.wire.session;

import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.auth.PasswordAuthenticator;
import dev.betweenrows.wire.tls.ServerTls;
import dev.betweenrows.wire.upstream.UpstreamPool;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/**
 * What every connection shares.
 *
 * @param slots  one permit per admitted connection ({@code maxConnections}); taken after the StartupMessage,
 *               so cancel requests and SSL probes never count
 * @param timers runs startup deadlines
 * @param tls    the TLS server side; empty when TLS is off (SSLRequest answered 'N')
 * @param upstreams ready upstream sessions per data source
 * @param users  re-read when the resolver's version moves (a deactivated user's sessions end)
 * @param audit  where statement and login records go
 */
record SessionServices(ProxyOptions options, PasswordAuthenticator authenticator, QueryGuard guard,
                       DataSourceResolver resolver, LiveSessions sessions, Semaphore slots,
                       ScheduledExecutorService timers, Optional<ServerTls> tls,
                       UpstreamPool upstreams, UserRepository users, AuditSink audit) {}
