package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one {@link QueryAuditRecord} as JSON (jakarta.json stays inside the store: the API class
 * {@link dev.betweenrows.store.QueryAuditJson} exposes bytes and strings only).
 */
public final class AuditRecordJson {
    private static final jakarta.json.spi.JsonProvider PROVIDER = jakarta.json.spi.JsonProvider.provider();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AuditRecordJson() {}

    /**
     * The record as one JSON object in UTF-8. Written by hand rather than with a generator: every statement encodes
     * one record on its session thread, and the generator's per-character escaping was the largest single cost
     * there. {@link #read} parses it back with jakarta.json; {@code AuditRecordJsonTest} holds the two together.
     */
    public static byte[] fields(QueryAuditRecord r) {
        int size = 320 + (r.originalSql() == null ? 0 : r.originalSql().length())
                + (r.rewrittenSql() == null ? 0 : r.rewrittenSql().length());
        StringBuilder out = new StringBuilder(size).append('{');
        string(out, "id", r.id());
        string(out.append(','), "at", r.occurredAt().toString());
        string(out.append(','), "kind", r.kind().name());
        string(out.append(','), "decision", r.decision().name());
        put(out, "user_id", r.userId());
        put(out, "username", r.username());
        put(out, "ds_id", r.dataSourceId());
        put(out, "ds_name", r.dataSourceName());
        put(out, "client", r.clientAddress());
        put(out, "app", r.applicationName());
        put(out, "session", r.sessionId());
        put(out, "index", r.statementIndex() == null ? null : r.statementIndex().longValue());
        put(out, "protocol", r.protocol());
        put(out, "sql", r.originalSql());
        put(out, "rewritten", r.rewrittenSql());
        put(out, "sqlstate", r.sqlState());
        put(out, "message", r.message());
        put(out, "reason", r.reason());
        put(out, "guard_us", r.guardMicros());
        put(out, "total_us", r.totalMicros());
        put(out, "rows", r.rowsReturned());
        put(out, "bytes", r.bytesReturned());
        put(out, "params", r.parametersJson());
        out.append(",\"policies\":[");
        String separator = "{";
        for (AppliedPolicyRef p : r.policies()) {
            string(out.append(separator), "id", p.id());
            string(out.append(','), "name", p.name());
            out.append(",\"version\":").append(p.version()).append('}');
            separator = ",{";
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record a JSON object holds (other fields are ignored). */
    public static QueryAuditRecord read(String json) {
        try (var reader = PROVIDER.createReader(new java.io.StringReader(json))) {
            return read(reader.readObject());
        }
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

    private static void put(StringBuilder out, String name, String value) {
        if (value != null) string(out.append(','), name, value);
    }

    private static void put(StringBuilder out, String name, Long value) {
        if (value != null) out.append(",\"").append(name).append("\":").append(value.longValue());
    }

    /** {@code "name":"value"}, the value escaped as RFC 8259 requires (names are plain ASCII). */
    private static void string(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        int i = 0;
        while (i < value.length() && !escaped(value.charAt(i))) i++;
        if (i == value.length()) {   // the usual case: appended whole (a range append copies char by char)
            out.append(value).append('"');
            return;
        }
        int from = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!escaped(c)) continue;
            out.append(value, from, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        out.append(value, from, value.length()).append('"');
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    private static String str(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }

    private static Long num(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonNumber(name).longValue() : null;
    }
}
