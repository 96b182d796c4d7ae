package dev.betweenrows.store;

import java.time.Instant;

/** Filters for listing the query audit; null fields do not filter. {@code search} matches the SQL text. */
public record QueryAuditFilter(String userId, String dataSourceId, QueryAuditRecord.Decision decision,
                               QueryAuditRecord.Kind kind, Instant from, Instant to, String search) {
    public static final QueryAuditFilter ALL = new QueryAuditFilter(null, null, null, null, null, null, null);
}
