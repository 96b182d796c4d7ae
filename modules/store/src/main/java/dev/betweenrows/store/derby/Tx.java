package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.StoreChange;
import io.helidon.dbclient.DbTransaction;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of work: the DB transaction, who acts, the audit rows written so far, and what to tell
 * listeners after the commit. Audit rows go through the same transaction, so they commit or roll back
 * with the change.
 */
final class Tx {
    final DbTransaction db;
    final Actor actor;
    final Instant now = Instant.now();
    private final List<StoreChange> changes = new ArrayList<>();
    private boolean policySetChanged;
    private int audited;

    Tx(DbTransaction db, Actor actor) {
        this.db = db;
        this.actor = actor;
    }

    /** Writes an audit row; {@code before}/{@code after} are built by the repositories from non-secret fields only. */
    void audit(String action, String entityType, String entityId, JsonObject before, JsonObject after) {
        AuditWriter.write(db, actor, now, action, entityType, entityId,
                before == null ? null : Json.write(before), after == null ? null : Json.write(after));
        audited++;
    }

    /** The change affects what the data plane enforces: bump the policy-set version at commit. */
    void policySetChanged() {
        policySetChanged = true;
    }

    void notifyAfterCommit(StoreChange change) {
        changes.add(change);
    }

    boolean isPolicySetChanged() {
        return policySetChanged;
    }

    boolean wasAudited() {
        return audited > 0;
    }

    List<StoreChange> changes() {
        return List.copyOf(changes);
    }
}
