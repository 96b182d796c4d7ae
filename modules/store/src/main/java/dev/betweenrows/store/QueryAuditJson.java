package dev.betweenrows.store;

import dev.betweenrows.store.derby.AuditRecordJson;

/**
 * One {@link QueryAuditRecord} as a JSON object: the audit journal's lines and the store's audit blocks use the
 * same fields, so a record reads back the same from either, and a journal line can be stored as it is.
 */
public final class QueryAuditJson {
    private QueryAuditJson() {}

    /** The record's fields as one JSON object in UTF-8. */
    public static byte[] fields(QueryAuditRecord r) {
        return AuditRecordJson.fields(r);
    }

    /** The record a JSON object holds; fields it does not know (such as a journal's sequence number) are ignored. */
    public static QueryAuditRecord read(String json) {
        return AuditRecordJson.read(json);
    }
}
