package dev.betweenrows.store;

/**
 * The append-only admin audit. Repositories write their own rows inside their transactions; this
 * interface adds the events that change nothing in the store (admin logins, failed logins, logouts).
 * There is no update and no delete.
 */
public interface AdminAuditRepository {

    /**
     * Appends a row. {@code detailJson} (nullable) is stored as the "after" JSON and must be a JSON
     * object free of secrets; it is parsed and re-written, so malformed JSON is an {@link IllegalArgumentException}.
     */
    AuditEntry append(Actor actor, String action, String entityType, String entityId, String detailJson);

    /** Newest first. */
    Page<AuditEntry> list(AuditFilter filter, PageRequest page);
}
