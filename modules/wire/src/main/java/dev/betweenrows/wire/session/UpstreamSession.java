package dev.betweenrows.wire.session;

import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.TransactionStatus;
import dev.betweenrows.wire.upstream.UpstreamConnection;
import dev.betweenrows.wire.upstream.UpstreamException;
import dev.betweenrows.wire.upstream.UpstreamPool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upstream session pinned to one client session for its whole life: statements the guard forwarded (and
 * session-control statements the wire rebuilt) run on it, results are relayed raw. The client's start-up
 * settings (DateStyle, TimeZone, ...) are applied to it so upstream encodes values as the client asked.
 */
final class UpstreamSession {
    private static final Logger LOG = Logger.getLogger(UpstreamSession.class.getName());
    /** Pooled sessions may have been closed by the upstream while idle: try a few before giving up. */
    private static final int MAX_OPEN_ATTEMPTS = 3;

    private final UpstreamPool pool;
    private final String dataSourceId;
    private final UpstreamConnection connection;
    private final ResultRelay relay;
    /** Rebuilt once at pin time: DISCARD ALL / RESET ALL return to these, not to later SETs. */
    private final List<String> startupSettings;
    /** What this statement sent upstream (forwarded or rebuilt text), for its audit record. */
    private final List<String> sentThisStatement = new ArrayList<>();

    private UpstreamSession(UpstreamPool pool, String dataSourceId, UpstreamConnection connection,
                            SessionSettings settings) {
        this.pool = pool;
        this.dataSourceId = dataSourceId;
        this.connection = connection;
        this.relay = new ResultRelay(connection, settings);
        this.startupSettings = startupSettings(settings);
    }

    /**
     * Takes a session from the pool and applies the client's settings; a failure is FATAL 08006 (or 22023 when
     * the upstream rejected a setting). An idle session the upstream has dropped meanwhile is replaced.
     */
    static UpstreamSession open(UpstreamPool pool, DataSourceBinding binding, SessionSettings settings) {
        String ds = binding.dataSource().id();
        for (int attempt = 1; ; attempt++) {
            UpstreamConnection c;
            try {
                c = pool.acquire(ds, binding.upstream());
            } catch (UpstreamException e) {
                LOG.log(Level.WARNING, "data source " + ds + ": " + e.getMessage());
                throw new SessionError(UpstreamException.SQLSTATE, UpstreamException.CLIENT_MESSAGE);
            }
            UpstreamSession session = new UpstreamSession(pool, ds, c, settings);
            if (c.runInternal(session.startupSettings.toArray(String[]::new))) {
                return session;
            }
            boolean usable = c.isUsable();
            c.close();
            if (usable) {
                throw new SessionError("22023", "invalid value for a connection parameter");
            }
            if (attempt >= MAX_OPEN_ATTEMPTS) {
                LOG.warning("data source " + ds + ": upstream sessions keep failing right after start-up");
                throw new SessionError(UpstreamException.SQLSTATE, UpstreamException.CLIENT_MESSAGE);
            }
        }
    }

    /**
     * Runs one statement upstream and buffers its results for the client (everything but ReadyForQuery),
     * flushing in chunks. {@code sql} is the guard's rewritten text or a statement the wire built itself.
     */
    void forward(String sql, ClientChannel channel) throws IOException {
        sentThisStatement.add(sql);
        connection.send(new Query(sql));
        flushUpstream();
        try {
            relay.untilReady(channel, sql);
        } catch (IOException | RuntimeException e) {
            connection.markBroken(); // a result may still be in flight: never reuse this session
            throw e;
        }
    }

    /** The client's start-up settings again (after DISCARD ALL / RESET ALL), relaying ParameterStatus only. */
    void reapplyStartupSettings(ClientChannel channel) throws IOException {
        connection.send(new Query(String.join("; ", startupSettings)));
        flushUpstream();
        try {
            relay.settingsOnly(channel);
        } catch (IOException | RuntimeException e) {
            connection.markBroken();
            throw e;
        }
    }

    /** Buffers an extended-protocol message for the upstream. */
    void send(FrontendMessage message) {
        connection.send(message);
    }

    /** Starts a client statement: what it sends upstream is collected from here. */
    void beginStatement() {
        sentThisStatement.clear();
    }

    /** The statements sent upstream since {@link #beginStatement}, joined with "; ", or null when none. */
    String sentThisStatement() {
        return sentThisStatement.isEmpty() ? null : String.join("; ", sentThisStatement);
    }

    /** Relays exactly one upstream response; returns its type byte. */
    int relayOne(ClientChannel channel, String sentSql) throws IOException {
        return relayOne(channel, sentSql, true);
    }

    /** Reads exactly one upstream response, relaying it only when {@code results}; returns its type byte. */
    int relayOne(ClientChannel channel, String sentSql, boolean results) throws IOException {
        try {
            return relay.one(channel, sentSql, results);
        } catch (IOException | RuntimeException e) {
            connection.markBroken();
            throw e;
        }
    }

    /** Relays up to the upstream's ReadyForQuery (not included), recording its status. */
    void awaitReady(ClientChannel channel, String sentSql) throws IOException {
        flushUpstream();
        try {
            relay.untilReady(channel, sentSql);
        } catch (IOException | RuntimeException e) {
            connection.markBroken();
            throw e;
        }
    }

    TransactionStatus status() {
        return connection.status();
    }

    /** A client CancelRequest: delivered to the upstream backend (called from the cancel request's thread). */
    void cancel() {
        connection.cancel();
    }

    /** From another thread: see {@link UpstreamConnection#abort()}; {@link #release} then closes it. */
    void abort() {
        connection.abort();
    }

    /** Back to the pool (reset with DISCARD ALL) or closed. */
    void release() {
        try {
            pool.release(dataSourceId, connection);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "upstream release failed: " + e.getMessage());
            connection.close();
        }
    }

    void flushUpstream() {
        try {
            connection.flush();
        } catch (IOException e) {
            throw ResultRelay.lost(connection);
        }
    }

    /** SET statements rebuilt from the validated start-up values the client saw in ParameterStatus. */
    private static List<String> startupSettings(SessionSettings settings) {
        List<String> sets = new ArrayList<>();
        settings.get("DateStyle").ifPresent(v -> sets.add("SET DateStyle = " + SqlText.literal(v)));
        settings.get("TimeZone").ifPresent(v -> sets.add("SET TimeZone = " + SqlText.literal(v)));
        settings.get("IntervalStyle").ifPresent(v -> sets.add("SET IntervalStyle = " + SqlText.literal(v)));
        settings.get("extra_float_digits").ifPresent(v -> sets.add("SET extra_float_digits = " + SqlText.literal(v)));
        settings.get("statement_timeout").ifPresent(v -> sets.add("SET statement_timeout = " + SqlText.literal(v)));
        return List.copyOf(sets);
    }
}
