package dev.betweenrows.audit.journal;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One audit record as one JSON line of the journal (and back). */
public final class RecordCodec {
    /** One factory for the process: {@code Json.create…} looks the JSON provider up again on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private RecordCodec() {}

    public static String encode(long seq, QueryAuditRecord r) {
        StringWriter out = new StringWriter(256 + length(r.originalSql()) + length(r.rewrittenSql()));
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject().write("seq", seq).write("id", r.id()).write("at", r.occurredAt().toString())
                    .write("kind", r.kind().name()).write("decision", r.decision().name());
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
                g.writeStartObject().write("id", p.id()).write("name", p.name()).write("version", p.version())
                        .writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        return out.toString();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
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
