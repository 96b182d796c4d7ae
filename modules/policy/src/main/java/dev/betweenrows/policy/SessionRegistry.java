package dev.betweenrows.policy;

import java.util.List;
import java.util.Optional;

/**
 * The live data-plane sessions, shared by the wire (which implements it) and the admin plane (which
 * lists and ends sessions). Terminating a session closes its client connection with FATAL {@code 57P01}
 * and its upstream connection; the reason is logged and audited, never sent to the client.
 *
 * <p>The admin plane must call {@link #terminateUser} when a user is deactivated or deleted, and
 * {@link #terminateUser}/{@link #terminateDataSource} when data-source access is revoked or the data
 * source is deactivated or deleted (BetweenRows leaves such sessions running).
 */
public interface SessionRegistry {
    /** Every live session, ordered by id. */
    List<SessionInfo> list();

    Optional<SessionInfo> find(long sessionId);

    /** Ends one session; false when it no longer exists. */
    boolean terminate(long sessionId, String reason);

    /** Ends every session of the user; returns how many were ended. */
    int terminateUser(String userId, String reason);

    /** Ends every session of the user on the data source (access revoked); returns how many. */
    int terminateUserOnDataSource(String userId, String dataSourceId, String reason);

    /** Ends every session on the data source; returns how many were ended. */
    int terminateDataSource(String dataSourceId, String reason);
}
