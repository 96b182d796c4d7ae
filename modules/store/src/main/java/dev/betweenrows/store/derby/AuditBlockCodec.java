package dev.betweenrows.store.derby;

import dev.betweenrows.store.QueryAuditRecord;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** The payload of an audit block: its records as a stream of JSON objects, deflated (fastest level). */
final class AuditBlockCodec {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private AuditBlockCodec() {}

    static byte[] encode(List<QueryAuditRecord> records) {
        return encodeEncoded(records.stream().map(AuditRecordJson::fields).toList());
    }

    /** The payload of records already encoded as JSON objects (UTF-8): the array of them, deflated. */
    static byte[] encodeEncoded(List<byte[]> objects) {
        int size = 2;
        for (byte[] o : objects) size += o.length + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 8192)) {
            out.write('[');
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) out.write(',');
                out.write(objects.get(i));
            }
            out.write(']');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static List<QueryAuditRecord> decode(byte[] payload) {
        List<QueryAuditRecord> records = new ArrayList<>();
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(payload), inflater, 8192);
             JsonParser p = PARSERS.createParser(in, java.nio.charset.StandardCharsets.UTF_8)) {
            if (p.next() != JsonParser.Event.START_ARRAY) throw new IllegalStateException("an audit block is not an array");
            while (p.next() == JsonParser.Event.START_OBJECT) {
                JsonObject o = p.getObject();
                records.add(AuditRecordJson.read(o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an audit block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return records;
    }
}
