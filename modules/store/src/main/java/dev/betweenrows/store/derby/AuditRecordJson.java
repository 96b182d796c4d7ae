package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one {@link QueryAuditRecord} as JSON (jakarta.json stays inside the store: the API class
 * {@link dev.betweenrows.store.QueryAuditJson} exposes bytes and strings only).
 */
public final class AuditRecordJson {
    private static final jakarta.json.spi.JsonProvider PROVIDER = jakarta.json.spi.JsonProvider.provider();
    private static final jakarta.json.stream.JsonGeneratorFactory GENERATORS =
            PROVIDER.createGeneratorFactory(java.util.Map.of());

    private AuditRecordJson() {}

    /** The record as one JSON object in UTF-8. */
    public static byte[] fields(QueryAuditRecord r) {
        int size = 256 + (r.originalSql() == null ? 0 : r.originalSql().length())
                + (r.rewrittenSql() == null ? 0 : r.rewrittenSql().length());
        java.io.StringWriter out = new java.io.StringWriter(size);
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            writeFields(g, r);
            g.writeEnd();
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);   // the String fast path
    }

    /** The record a JSON object holds (other fields are ignored). */
    public static QueryAuditRecord read(String json) {
        try (var reader = PROVIDER.createReader(new java.io.StringReader(json))) {
            return read(reader.readObject());
        }
    }

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
