package dev.betweenrows.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One data-plane audit record: a statement (allowed, denied, error, cancelled) or a login attempt.
 * {@code originalSql} is the client's exact text, {@code rewrittenSql} exactly what went upstream
 * (null when refused before rewrite). {@code message} is the scrubbed message the client saw;
 * {@code reason} is for admins only (why it was denied). Never holds a password.
 */
public record QueryAuditRecord(String id, Instant occurredAt, Kind kind, String userId, String username,
                               String dataSourceId, String dataSourceName, String clientAddress,
                               String applicationName, Long sessionId, Integer statementIndex, String protocol,
                               String originalSql, String rewrittenSql, List<AppliedPolicyRef> policies,
                               Decision decision, String sqlState, String message, String reason,
                               Long guardMicros, Long totalMicros, Long rowsReturned, Long bytesReturned,
                               String parametersJson) {
    public QueryAuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decision, "decision");
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /**
     * A new record id: a version-7 UUID (48-bit millisecond time, then random bits), so ids sort in time order and
     * the store's primary-key index grows at its right edge instead of at random pages (which made every insert
     * under load a page-cache miss).
     */
    public static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new java.util.UUID(high, low).toString();
    }

    public enum Kind { STATEMENT, LOGIN }

    public enum Decision { ALLOWED, DENIED, ERROR, CANCELLED }

    /** A policy that applied to a table the statement touched. */
    public record AppliedPolicyRef(String id, String name, long version) {}
}
