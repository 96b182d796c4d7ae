package dev.betweenrows.wire.session;

import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Login attempts (kind LOGIN): success, failed password (28P01), unknown data source (3D000). Never a password. */
final class LoginAudit {
    private static final Logger LOG = Logger.getLogger(LoginAudit.class.getName());

    private LoginAudit() {}

    /**
     * @param userId   the authenticated user's id, or null when authentication failed
     * @param database the requested database (data-source) name
     * @param sqlState null for a successful login
     * @return false when the sink could not take the record (a successful login must then be refused)
     */
    static boolean record(AuditSink sink, long sessionId, String username, String userId, String dataSourceId,
                          String database, String clientAddress, String applicationName, String sqlState,
                          String message) {
        QueryAuditRecord r = new QueryAuditRecord(QueryAuditRecord.newId(), Instant.now(),
                QueryAuditRecord.Kind.LOGIN, userId, username, dataSourceId, database, clientAddress, applicationName,
                sessionId, null, null, null, null, List.of(), sqlState == null ? Decision.ALLOWED : Decision.DENIED,
                sqlState, message, null, null, null, null, null, null);
        try {
            sink.record(r);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit unavailable for a login attempt: " + e.getMessage());
            return false;
        }
    }
}
