package dev.betweenrows.audit.journal;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One audit record as one JSON line of the journal (and back). */
public final class RecordCodec {
    private RecordCodec() {}

    public static String encode(long seq, QueryAuditRecord r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("seq", seq).add("id", r.id())
                .add("at", r.occurredAt().toString()).add("kind", r.kind().name()).add("decision", r.decision().name());
        put(b, "user_id", r.userId());
        put(b, "username", r.username());
        put(b, "ds_id", r.dataSourceId());
        put(b, "ds_name", r.dataSourceName());
        put(b, "client", r.clientAddress());
        put(b, "app", r.applicationName());
        put(b, "session", r.sessionId());
        put(b, "index", r.statementIndex() == null ? null : r.statementIndex().longValue());
        put(b, "protocol", r.protocol());
        put(b, "sql", r.originalSql());
        put(b, "rewritten", r.rewrittenSql());
        put(b, "sqlstate", r.sqlState());
        put(b, "message", r.message());
        put(b, "reason", r.reason());
        put(b, "guard_us", r.guardMicros());
        put(b, "total_us", r.totalMicros());
        put(b, "rows", r.rowsReturned());
        put(b, "bytes", r.bytesReturned());
        put(b, "params", r.parametersJson());
        JsonArrayBuilder policies = Json.createArrayBuilder();
        for (AppliedPolicyRef p : r.policies()) {
            policies.add(Json.createObjectBuilder().add("id", p.id()).add("name", p.name()).add("version", p.version()));
        }
        return b.add("policies", policies).build().toString();
    }

    public static Journal.Entry decode(String line) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        List<AppliedPolicyRef> policies = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("policies")) {
            JsonObject p = v.asJsonObject();
            policies.add(new AppliedPolicyRef(p.getString("id"), p.getString("name"), p.getJsonNumber("version").longValue()));
        }
        Long index = num(o, "index");
        QueryAuditRecord r = new QueryAuditRecord(o.getString("id"), Instant.parse(o.getString("at")),
                QueryAuditRecord.Kind.valueOf(o.getString("kind")), str(o, "user_id"), str(o, "username"), str(o, "ds_id"),
                str(o, "ds_name"), str(o, "client"), str(o, "app"), num(o, "session"),
                index == null ? null : index.intValue(), str(o, "protocol"), str(o, "sql"), str(o, "rewritten"),
                policies, QueryAuditRecord.Decision.valueOf(o.getString("decision")), str(o, "sqlstate"),
                str(o, "message"), str(o, "reason"), num(o, "guard_us"), num(o, "total_us"), num(o, "rows"),
                num(o, "bytes"), str(o, "params"));
        return new Journal.Entry(o.getJsonNumber("seq").longValue(), r);
    }

    private static void put(JsonObjectBuilder b, String name, String value) {
        if (value != null) b.add(name, value);
    }

    private static void put(JsonObjectBuilder b, String name, Long value) {
        if (value != null) b.add(name, value);
    }

    private static String str(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }

    private static Long num(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonNumber(name).longValue() : null;
    }
}
