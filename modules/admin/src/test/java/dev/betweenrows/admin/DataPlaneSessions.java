package dev.betweenrows.admin;

import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.policy.SessionState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A data plane with sessions the test opens, recording which were ended and why. */
final class DataPlaneSessions implements SessionRegistry {
    final List<SessionInfo> open = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();
    private long next = 1;

    synchronized void open(String userId, String dataSourceId) {
        open.add(new SessionInfo(next++, userId, "u-" + userId, dataSourceId, "ds", "127.0.0.1:1", "", Instant.now(),
                SessionState.values()[0], null));
    }

    @Override public List<SessionInfo> list() { return List.copyOf(open); }
    @Override public Optional<SessionInfo> find(long id) { return open.stream().filter(s -> s.id() == id).findFirst(); }
    @Override public boolean terminate(long id, String reason) { return open.removeIf(s -> s.id() == id); }

    @Override
    public int terminateUser(String userId, String reason) {
        ended.add("user:" + userId);
        return remove(s -> s.userId().equals(userId));
    }

    @Override
    public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) {
        ended.add("user-on-ds:" + userId + "@" + dataSourceId);
        return remove(s -> s.userId().equals(userId) && s.dataSourceId().equals(dataSourceId));
    }

    @Override
    public int terminateDataSource(String dataSourceId, String reason) {
        ended.add("ds:" + dataSourceId);
        return remove(s -> s.dataSourceId().equals(dataSourceId));
    }

    private int remove(java.util.function.Predicate<SessionInfo> which) {
        int before = open.size();
        open.removeIf(which);
        return before - open.size();
    }
}
