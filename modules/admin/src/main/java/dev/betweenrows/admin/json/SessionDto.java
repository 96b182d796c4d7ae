package dev.betweenrows.admin.json;

import dev.betweenrows.policy.SessionInfo;

import java.time.Instant;

/** An open data-plane session, as {@code pg_stat_activity} would describe it. */
public record SessionDto(long id, String userId, String username, String datasourceId, String datasourceName,
                         String clientAddr, String applicationName, Instant startedAt, String state,
                         Long statementAgeMillis) {
    public static SessionDto of(SessionInfo s, Instant now) {
        return new SessionDto(s.id(), s.userId(), s.username(), s.dataSourceId(), s.dataSourceName(), s.clientAddress(),
                s.applicationName(), s.startedAt(), s.state().label(),
                s.statementAge(now).map(java.time.Duration::toMillis).orElse(null));
    }
}
