package dev.betweenrows.policy;

import java.util.List;

/**
 * One statement to check.
 *
 * @param session           the session
 * @param protocol          simple or extended
 * @param sql               the client's text, unchanged
 * @param parameterTypeOids the type OIDs from a Parse message (0 = unspecified); empty for the simple protocol
 */
public record GuardRequest(GuardSession session, Protocol protocol, String sql, List<Integer> parameterTypeOids) {
    public GuardRequest {
        Checks.required(session, "session");
        Checks.required(protocol, "protocol");
        Checks.required(sql, "sql");
        parameterTypeOids = Checks.list(parameterTypeOids == null ? List.of() : parameterTypeOids, "parameterTypeOids");
    }
}
