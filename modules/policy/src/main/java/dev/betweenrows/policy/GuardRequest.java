package dev.betweenrows.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement to check.
 *
 * @param session           the session
 * @param protocol          simple or extended
 * @param sql               the client's text, unchanged
 * @param parameterTypeOids the type OIDs from a Parse message (0 = unspecified); empty for the simple protocol
 * @param parameterValues   bound parameter values in text form ({@code $1} is element 0, a {@code null} element is
 *                          SQL NULL), when the wire re-checks a locally answered extended-protocol statement at
 *                          Bind; {@code null} when the values are not known (Query, Parse)
 */
public record GuardRequest(GuardSession session, Protocol protocol, String sql, List<Integer> parameterTypeOids,
                           List<String> parameterValues) {
    public GuardRequest {
        Checks.required(session, "session");
        Checks.required(protocol, "protocol");
        Checks.required(sql, "sql");
        parameterTypeOids = Checks.list(parameterTypeOids == null ? List.of() : parameterTypeOids, "parameterTypeOids");
        if (parameterValues != null) {
            parameterValues = Collections.unmodifiableList(new ArrayList<>(parameterValues)); // keeps nulls
        }
    }

    /** Parameter values not known. */
    public GuardRequest(GuardSession session, Protocol protocol, String sql, List<Integer> parameterTypeOids) {
        this(session, protocol, sql, parameterTypeOids, null);
    }
}
