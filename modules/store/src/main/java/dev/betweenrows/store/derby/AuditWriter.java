package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.StoreException;
import io.helidon.dbclient.DbExecute;

import java.time.Instant;

/** Inserts admin audit rows, numbered from the {@code audit_seq} counter in the caller's transaction. */
final class AuditWriter {
    /** Largest JSON document a VARCHAR column of the store holds. */
    static final int MAX_JSON = 32000;

    private AuditWriter() {}

    static AuditEntry write(DbExecute db, Actor actor, Instant at, String action, String entityType, String entityId,
                            String beforeJson, String afterJson) {
        db.update("UPDATE br_store_meta SET meta_value = meta_value + 1 WHERE meta_key = 'audit_seq'");
        long seq = Rows.count(db, "SELECT meta_value FROM br_store_meta WHERE meta_key = 'audit_seq'");
        String id = Rows.newId();
        db.insert("INSERT INTO br_admin_audit (id, seq, occurred_at, actor_id, actor_name, audit_action, entity_type,"
                        + " entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, seq, Rows.ts(at), actor.userId(), actor.username(), action, entityType, entityId,
                fit(beforeJson), fit(afterJson));
        return new AuditEntry(id, seq, at, actor.userId(), actor.username(), action, entityType, entityId,
                beforeJson, afterJson);
    }

    private static String fit(String json) {
        if (json != null && json.length() > MAX_JSON) {
            throw new StoreException("audit detail too large (" + json.length() + " characters)");
        }
        return json;
    }
}
