package dev.betweenrows.audit.journal;

import dev.betweenrows.store.QueryAuditJson;
import dev.betweenrows.store.QueryAuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One audit record as one JSON line of the journal (and back): its sequence number, then its fields. */
public final class RecordCodec {
    /** One factory for the process: {@code Json.create…} looks the JSON provider up again on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private RecordCodec() {}

    /** The record's fields as a JSON object in UTF-8: the costly part of a line, made outside the journal's lock. */
    public static byte[] fields(QueryAuditRecord r) {
        StringWriter out = new StringWriter(256 + length(r.originalSql()) + length(r.rewrittenSql()));
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            QueryAuditJson.writeFields(g, r);
            g.writeEnd();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);   // the String fast path, not a CharsetEncoder
    }

    /** The journal line (without its newline): {@code {"seq":N,} followed by the fields after their opening brace. */
    public static byte[] line(long seq, byte[] fields) {
        byte[] prefix = ("{\"seq\":" + seq + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + fields.length - 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(fields, 1, line, prefix.length, fields.length - 1);
        return line;
    }

    public static String encode(long seq, QueryAuditRecord r) {
        return new String(line(seq, fields(r)), StandardCharsets.UTF_8);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    public static Journal.Entry decode(String line) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        return new Journal.Entry(o.getJsonNumber("seq").longValue(), QueryAuditJson.read(o),
                line.getBytes(StandardCharsets.UTF_8));
    }
}
