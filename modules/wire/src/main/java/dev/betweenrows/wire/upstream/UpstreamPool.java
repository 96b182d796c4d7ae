package dev.betweenrows.wire.upstream;

import dev.betweenrows.wire.UpstreamTarget;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Ready upstream sessions per data source, to hide connect latency. A client session takes one for its whole
 * life (no transaction pooling: session state stays true) and gives it back at the end; it is reset with
 * {@code DISCARD ALL} and kept only if that succeeds and fewer than {@code maxIdle} are idle. Sessions are
 * created lazily, on demand. A data source whose target changed drops its old idle sessions.
 */
public final class UpstreamPool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpstreamPool.class.getName());

    private final int maxIdle;
    private final Duration connectTimeout;
    private final Map<String, Idle> idle = new HashMap<>();
    private boolean closed;

    private record Idle(UpstreamTarget target, Deque<UpstreamConnection> sessions) {}

    public UpstreamPool(int maxIdle, Duration connectTimeout) {
        if (maxIdle < 0) throw new IllegalArgumentException("maxIdle must be >= 0");
        this.maxIdle = maxIdle;
        this.connectTimeout = connectTimeout;
    }

    /** An idle session for the data source, or a new one. */
    public UpstreamConnection acquire(String dataSourceId, UpstreamTarget target) throws UpstreamException {
        UpstreamConnection reused = takeIdle(dataSourceId, target);
        if (reused != null) {
            return reused;
        }
        return UpstreamConnection.open(target, connectTimeout);
    }

    /** Returns a session at the end of its client session (on that session's thread). */
    public void release(String dataSourceId, UpstreamConnection session) {
        boolean reusable = session.isUsable() && reset(session);
        if (reusable && offer(dataSourceId, session)) {
            return;
        }
        session.close();
    }

    /** Number of idle sessions held for the data source (tests, metrics). */
    public synchronized int idleCount(String dataSourceId) {
        Idle entry = idle.get(dataSourceId);
        return entry == null ? 0 : entry.sessions().size();
    }

    /** Closes every idle session; later releases close theirs. */
    @Override
    public void close() {
        Deque<UpstreamConnection> all = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(e -> all.addAll(e.sessions()));
            idle.clear();
        }
        all.forEach(UpstreamConnection::close);
    }

    private UpstreamConnection takeIdle(String dataSourceId, UpstreamTarget target) {
        Deque<UpstreamConnection> stale = new ArrayDeque<>();
        UpstreamConnection found = null;
        synchronized (this) {
            Idle entry = idle.get(dataSourceId);
            if (entry != null && !entry.target().equals(target)) {
                stale.addAll(entry.sessions());
                idle.remove(dataSourceId);
            } else if (entry != null) {
                while (found == null && !entry.sessions().isEmpty()) {
                    UpstreamConnection c = entry.sessions().pollFirst();
                    if (c.isUsable()) found = c; else stale.add(c);
                }
            }
        }
        stale.forEach(UpstreamConnection::close);
        return found;
    }

    private synchronized boolean offer(String dataSourceId, UpstreamConnection session) {
        if (closed) {
            return false;
        }
        Idle entry = idle.computeIfAbsent(dataSourceId, k -> new Idle(session.target(), new ArrayDeque<>()));
        if (!entry.target().equals(session.target()) || entry.sessions().size() >= maxIdle) {
            return false;
        }
        entry.sessions().addFirst(session);
        return true;
    }

    /** Ends any open transaction and drops all session state. */
    private static boolean reset(UpstreamConnection session) {
        boolean ok = switch (session.status()) {
            case IDLE -> session.runInternal("DISCARD ALL");
            case IN_TRANSACTION, FAILED -> session.runInternal("ROLLBACK", "DISCARD ALL");
        };
        if (!ok) {
            LOG.fine("upstream session could not be reset; closing it");
        }
        return ok;
    }
}
