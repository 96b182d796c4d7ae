package dev.betweenrows.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one live data-plane session. Carries no SQL text (it may hold secrets); the audit has it.
 *
 * @param id                 the session id (unique for the process lifetime)
 * @param userId             the user
 * @param username           the user's name
 * @param dataSourceId       the data source
 * @param dataSourceName     the data source's name (the client's database name)
 * @param clientAddress      client IP and port as text
 * @param applicationName    the client's {@code application_name}, or "" when not set
 * @param startedAt          when the connection was accepted
 * @param state              current state
 * @param statementStartedAt when the current statement started, or {@code null} when none runs
 */
public record SessionInfo(long id, String userId, String username, String dataSourceId, String dataSourceName,
                          String clientAddress, String applicationName, Instant startedAt, SessionState state,
                          Instant statementStartedAt) {
    public SessionInfo {
        Checks.nonBlank(userId, "userId");
        Checks.nonBlank(username, "username");
        Checks.nonBlank(dataSourceId, "dataSourceId");
        Checks.nonBlank(dataSourceName, "dataSourceName");
        Checks.required(clientAddress, "clientAddress");
        applicationName = applicationName == null ? "" : applicationName;
        Checks.required(startedAt, "startedAt");
        Checks.required(state, "state");
    }

    /** How long the current statement has been running at {@code now}. */
    public Optional<Duration> statementAge(Instant now) {
        return statementStartedAt == null ? Optional.empty() : Optional.of(Duration.between(statementStartedAt, now));
    }
}
