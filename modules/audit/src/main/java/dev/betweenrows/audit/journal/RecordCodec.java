package dev.betweenrows.audit.journal;

import dev.betweenrows.store.QueryAuditJson;
import dev.betweenrows.store.QueryAuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * One audit record as one JSON line of the journal (and back): its sequence number, then the record's fields as
 * {@link QueryAuditJson} writes them, so the store can keep the line as it is.
 */
public final class RecordCodec {
    private RecordCodec() {}

    /** The record's fields as a JSON object in UTF-8: the costly part of a line, made outside the journal's lock. */
    public static byte[] fields(QueryAuditRecord r) {
        return QueryAuditJson.fields(r);
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

    public static Journal.Entry decode(String line) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        return new Journal.Entry(o.getJsonNumber("seq").longValue(), QueryAuditJson.read(line),
                line.getBytes(StandardCharsets.UTF_8));
    }
}
