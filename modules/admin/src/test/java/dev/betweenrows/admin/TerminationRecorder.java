package dev.betweenrows.admin;

import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A data plane without sessions that remembers which users the admin plane asked to disconnect (user tests). */
final class TerminationRecorder implements SessionRegistry {
    final List<String> terminatedUsers = new CopyOnWriteArrayList<>();

    @Override public List<SessionInfo> list() { return List.of(); }
    @Override public Optional<SessionInfo> find(long sessionId) { return Optional.empty(); }
    @Override public boolean terminate(long sessionId, String reason) { return false; }
    @Override public int terminateUser(String userId, String reason) {
        terminatedUsers.add(userId);
        return 0;
    }
    @Override public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) { return 0; }
    @Override public int terminateDataSource(String dataSourceId, String reason) { return 0; }
}
