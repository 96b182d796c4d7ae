package dev.betweenrows.wire.session;

import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.auth.PasswordAuthenticator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/**
 * What every connection shares.
 *
 * @param slots  one permit per admitted connection ({@code maxConnections}); taken after the StartupMessage,
 *               so cancel requests and SSL probes never count
 * @param timers runs startup deadlines
 */
record SessionServices(ProxyOptions options, PasswordAuthenticator authenticator, QueryGuard guard,
                       DataSourceResolver resolver, LiveSessions sessions, Semaphore slots,
                       ScheduledExecutorService timers) {}
