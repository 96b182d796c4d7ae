package dev.betweenrows.wire.session;

import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Every open connection of one listener, and the cancel keys of the authenticated ones. Implements the
 * policy module's {@link SessionRegistry} for the admin plane: ending a session sends FATAL 57P01 (the
 * reason is only logged) from a separate thread, so a client that stopped reading cannot block the caller.
 */
final class LiveSessions implements SessionRegistry, StartupNegotiation.CancelTarget {
    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    private final ConcurrentHashMap<Long, ClientConnection> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ClientConnection> byProcessId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    void opened(ClientConnection connection) {
        open.put(connection.id(), connection);
    }

    void closed(ClientConnection connection) {
        open.remove(connection.id());
        byProcessId.remove(connection.processId(), connection);
    }

    /** Every session re-checks its binding if the resolver's version moved (timer thread; never throws). */
    void refreshBindings() {
        for (ClientConnection c : open.values()) {
            try {
                c.refreshBinding();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "binding refresh failed for session " + c.id(), e);
            }
        }
    }

    /** Ends every session READY for longer than {@code limit} with 57P05 (timer thread; never throws). */
    void endIdle(Duration limit) {
        long now = System.nanoTime();
        for (ClientConnection c : open.values()) {
            if (c.endIfIdle(limit.toNanos(), now)) {
                LOG.fine("ending idle session " + c.id());
            }
        }
    }

    /** A fresh cancel key: a process id unique among live sessions and a random secret. */
    CancelKey issueKey(ClientConnection connection) {
        while (true) {
            int pid = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            if (byProcessId.putIfAbsent(pid, connection) == null) {
                return new CancelKey(pid, random.nextInt());
            }
        }
    }

    /** A CancelRequest: acted on only when both the process id and the secret match. */
    @Override
    public void cancel(int processId, int secretKey) {
        ClientConnection target = byProcessId.get(processId);
        if (target != null && MessageDigest.isEqual(intBytes(secretKey), intBytes(target.secretKey()))) {
            target.cancelCurrentStatement();
        }
    }

    @Override
    public List<SessionInfo> list() {
        List<SessionInfo> infos = new ArrayList<>();
        open.values().forEach(c -> c.info().ifPresent(infos::add));
        infos.sort(Comparator.comparingLong(SessionInfo::id));
        return infos;
    }

    @Override
    public Optional<SessionInfo> find(long sessionId) {
        ClientConnection c = open.get(sessionId);
        return c == null ? Optional.empty() : c.info();
    }

    @Override
    public boolean terminate(long sessionId, String reason) {
        return terminateWhere(i -> i.id() == sessionId, reason) > 0;
    }

    @Override
    public int terminateUser(String userId, String reason) {
        return terminateWhere(i -> i.userId().equals(userId), reason);
    }

    @Override
    public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) {
        return terminateWhere(i -> i.userId().equals(userId) && i.dataSourceId().equals(dataSourceId), reason);
    }

    @Override
    public int terminateDataSource(String dataSourceId, String reason) {
        return terminateWhere(i -> i.dataSourceId().equals(dataSourceId), reason);
    }

    /** Shutdown: every open connection gets 57P01 (or is just closed before its StartupMessage). */
    void terminateAll(Duration grace) {
        List<Thread> senders = new ArrayList<>();
        for (ClientConnection c : open.values()) {
            senders.add(Thread.ofVirtual().start(() -> c.terminate(SessionError.adminShutdown())));
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : senders) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        open.values().forEach(ClientConnection::forceClose);
    }

    private int terminateWhere(Predicate<SessionInfo> which, String reason) {
        int n = 0;
        for (ClientConnection c : open.values()) {
            Optional<SessionInfo> info = c.info();
            if (info.isPresent() && which.test(info.get())) {
                LOG.info("terminating session " + c.id() + ": " + reason);
                Thread.ofVirtual().start(() -> c.terminate(SessionError.adminShutdown()));
                n++;
            }
        }
        return n;
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    record CancelKey(int processId, int secretKey) {
        @Override
        public String toString() {
            return "CancelKey[processId=" + processId + ", secretKey=<redacted>]";
        }
    }
}
