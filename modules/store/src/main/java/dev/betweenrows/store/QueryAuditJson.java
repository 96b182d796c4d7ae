package dev.betweenrows.store;

import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one {@link QueryAuditRecord} as JSON: the audit journal's lines and the store's audit blocks
 * use the same names, so a record reads back the same from either.
 */
public final class QueryAuditJson {
    private QueryAuditJson() {}

    /** Writes the record's fields into the object {@code g} has open. */
    public static void writeFields(JsonGenerator g, QueryAuditRecord r) {
        g.write("id", r.id()).write("at", r.occurredAt().toString()).write("kind", r.kind().name())
                .write("decision", r.decision().name());
        put(g, "user_id", r.userId());
        put(g, "username", r.username());
        put(g, "ds_id", r.dataSourceId());
        put(g, "ds_name", r.dataSourceName());
        put(g, "client", r.clientAddress());
        put(g, "app", r.applicationName());
        put(g, "session", r.sessionId());
        put(g, "index", r.statementIndex() == null ? null : r.statementIndex().longValue());
        put(g, "protocol", r.protocol());
        put(g, "sql", r.originalSql());
        put(g, "rewritten", r.rewrittenSql());
        put(g, "sqlstate", r.sqlState());
        put(g, "message", r.message());
        put(g, "reason", r.reason());
        put(g, "guard_us", r.guardMicros());
        put(g, "total_us", r.totalMicros());
        put(g, "rows", r.rowsReturned());
        put(g, "bytes", r.bytesReturned());
        put(g, "params", r.parametersJson());
        g.writeStartArray("policies");
        for (AppliedPolicyRef p : r.policies()) {
            g.writeStartObject().write("id", p.id()).write("name", p.name()).write("version", p.version()).writeEnd();
        }
        g.writeEnd();
    }

    /** The record whose fields {@code o} holds (other fields are ignored). */
    public static QueryAuditRecord read(JsonObject o) {
        List<AppliedPolicyRef> policies = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("policies")) {
            JsonObject p = v.asJsonObject();
            policies.add(new AppliedPolicyRef(p.getString("id"), p.getString("name"), p.getJsonNumber("version").longValue()));
        }
        Long index = num(o, "index");
        return new QueryAuditRecord(o.getString("id"), Instant.parse(o.getString("at")),
                QueryAuditRecord.Kind.valueOf(o.getString("kind")), str(o, "user_id"), str(o, "username"), str(o, "ds_id"),
                str(o, "ds_name"), str(o, "client"), str(o, "app"), num(o, "session"),
                index == null ? null : index.intValue(), str(o, "protocol"), str(o, "sql"), str(o, "rewritten"),
                policies, QueryAuditRecord.Decision.valueOf(o.getString("decision")), str(o, "sqlstate"),
                str(o, "message"), str(o, "reason"), num(o, "guard_us"), num(o, "total_us"), num(o, "rows"),
                num(o, "bytes"), str(o, "params"));
    }

    private static void put(JsonGenerator g, String name, String value) {
        if (value != null) g.write(name, value);
    }

    private static void put(JsonGenerator g, String name, Long value) {
        if (value != null) g.write(name, value);
    }

    private static String str(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }

    private static Long num(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonNumber(name).longValue() : null;
    }
}
