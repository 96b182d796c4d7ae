package dev.betweenrows.admin;

import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.policy.SessionRegistry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A data plane with no sessions that records which users, user/data-source pairs and data sources were ended. */
final class RecordingSessions implements SessionRegistry {
    final List<String> terminatedUsers = new CopyOnWriteArrayList<>();
    final List<String> terminatedUserDataSources = new CopyOnWriteArrayList<>();
    final List<String> terminatedDataSources = new CopyOnWriteArrayList<>();

    @Override public List<SessionInfo> list() { return List.of(); }
    @Override public Optional<SessionInfo> find(long sessionId) { return Optional.empty(); }
    @Override public boolean terminate(long sessionId, String reason) { return false; }

    @Override
    public int terminateUser(String userId, String reason) {
        terminatedUsers.add(userId);
        return 0;
    }

    @Override
    public int terminateUserOnDataSource(String userId, String dataSourceId, String reason) {
        terminatedUserDataSources.add(userId + "@" + dataSourceId);
        return 0;
    }

    @Override
    public int terminateDataSource(String dataSourceId, String reason) {
        terminatedDataSources.add(dataSourceId);
        return 0;
    }
}
