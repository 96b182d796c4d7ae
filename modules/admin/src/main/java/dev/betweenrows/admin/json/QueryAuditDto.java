package dev.betweenrows.admin.json;

import dev.betweenrows.store.QueryAuditRecord;

import java.time.Instant;
import java.util.List;

/** A query-audit record as the API shows it (BetweenRows' names where it had them). */
public record QueryAuditDto(String id, Instant createdAt, String kind, String userId, String username, String datasourceId,
                            String datasourceName, String clientAddr, String applicationName, Long sessionId,
                            Integer statementIndex, String protocol, String originalQuery, String rewrittenQuery,
                            List<PolicyRef> policiesApplied, String status, String sqlstate, String errorMessage,
                            String reason, Long guardMicros, Long executionTimeMicros, Long rowsReturned,
                            Long bytesReturned) {

    /** A policy that applied: id, name, version. */
    public record PolicyRef(String id, String name, long version) {}

    public static QueryAuditDto of(QueryAuditRecord r) {
        return new QueryAuditDto(r.id(), r.occurredAt(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r.userId(),
                r.username(), r.dataSourceId(), r.dataSourceName(), r.clientAddress(), r.applicationName(), r.sessionId(),
                r.statementIndex(), r.protocol(), r.originalSql(), r.rewrittenSql(),
                r.policies().stream().map(p -> new PolicyRef(p.id(), p.name(), p.version())).toList(),
                r.decision().name().toLowerCase(java.util.Locale.ROOT), r.sqlState(), r.message(), r.reason(),
                r.guardMicros(), r.totalMicros(), r.rowsReturned(), r.bytesReturned());
    }
}
