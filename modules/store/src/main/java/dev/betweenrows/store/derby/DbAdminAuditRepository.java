package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminAuditRepository;
import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Append and list; there is deliberately no update or delete. */
final class DbAdminAuditRepository implements AdminAuditRepository {
    private final Transactions tx;

    DbAdminAuditRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEntry append(Actor actor, String action, String entityType, String entityId, String detailJson) {
        Objects.requireNonNull(actor, "actor");
        requireText(action, "action");
        requireText(entityType, "entityType");
        String detail = detailJson == null ? null : Json.write(Json.parseObject(detailJson));
        DbTransaction t = tx.db().transaction();
        try {
            AuditEntry entry = AuditWriter.write(t, actor, Instant.now(), action, entityType, entityId, null, detail);
            t.commit();
            return entry;
        } catch (RuntimeException e) {
            try {
                t.rollback();
            } catch (RuntimeException ignored) {
                // already rolled back
            }
            throw Transactions.translate(e);
        }
    }

    @Override
    public Page<AuditEntry> list(AuditFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(where, params, "entity_type = ?", filter.entityType());
        add(where, params, "entity_id = ?", filter.entityId());
        add(where, params, "actor_id = ?", filter.actorId());
        add(where, params, "audit_action = ?", filter.action());
        add(where, params, "occurred_at >= ?", Rows.ts(filter.from()));
        add(where, params, "occurred_at < ?", Rows.ts(filter.to()));
        Object[] p = params.toArray();
        long total = Rows.count(tx.db().execute(), "SELECT COUNT(*) FROM br_admin_audit" + where, p);
        List<AuditEntry> items = Rows.list(tx.db().execute(), DbAdminAuditRepository::toEntry,
                "SELECT id, seq, occurred_at, actor_id, actor_name, audit_action, entity_type, entity_id, before_json,"
                        + " after_json FROM br_admin_audit" + where + " ORDER BY seq DESC"
                        + Rows.page(page.offset(), page.pageSize()), p);
        return new Page<>(items, total, page.page(), page.pageSize());
    }

    private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static AuditEntry toEntry(DbRow r) {
        return new AuditEntry(Rows.str(r, 1), Rows.num(r, 2), Rows.time(r, 3), Rows.str(r, 4), Rows.str(r, 5),
                Rows.str(r, 6), Rows.str(r, 7), Rows.str(r, 8), Rows.str(r, 9), Rows.str(r, 10));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 32)
            throw new IllegalArgumentException(what + " must be 1-32 characters");
    }
}
