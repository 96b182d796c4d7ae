package dev.betweenrows.wire.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.codec.WireOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invariants the records enforce on construction, and what their toString must never show. */
class MessageInvariantsTest {

    @Test
    void errorFactoryAlwaysSetsSeverityTwiceInOrder() {
        ErrorResponse e = ErrorResponse.error("FATAL", "28P01", "password authentication failed for user \"x\"");
        assertEquals(List.of('S', 'V', 'C', 'M'), List.copyOf(e.fields().keySet()));
        assertEquals("FATAL", e.field(ErrorFields.SEVERITY));
        assertEquals("FATAL", e.severity());
        ErrorResponse detailed = e.with(ErrorFields.DETAIL, "d");
        assertEquals("d", detailed.field('D'));
        assertEquals(null, e.field('D'), "with() returns a copy");
    }

    @Test
    void errorsWithoutRequiredFieldsOrWithABadSqlStateCannotBeBuilt() {
        Map<Character, String> noV = new LinkedHashMap<>();
        noV.put('S', "ERROR");
        noV.put('C', "42P01");
        noV.put('M', "m");
        assertThrows(IllegalArgumentException.class, () -> new ErrorResponse(noV));
        assertThrows(IllegalArgumentException.class, () -> ErrorResponse.error("ERROR", "42p01", "m"));
        assertThrows(IllegalArgumentException.class, () -> NoticeResponse.notice("NOTICE", "4201", "m"));
    }

    @Test
    void embeddedNulCannotForgeFieldsWhenEncoding() {
        ErrorResponse e = ErrorResponse.error("ERROR", "42P01", "ok").with('D', "x\0M");
        assertThrows(IllegalArgumentException.class, e::toBytes);
        assertThrows(IllegalArgumentException.class, () -> new Query("select 1\0; drop").toBytes());
    }

    @Test
    void secretsAndValuesNeverPrint() {
        assertFalse(new PasswordMessage("hunter2").toString().contains("hunter2"));
        byte[] proof = "c=biws,r=n,p=PROOF".getBytes(StandardCharsets.UTF_8);
        assertFalse(new SASLResponse(proof).toString().contains("PROOF"));
        assertFalse(new SASLInitialResponse("SCRAM-SHA-256", proof).toString().contains("PROOF"));
        assertFalse(new CancelRequest(1, 987654).toString().contains("987654"));
        assertFalse(new BackendKeyData(1, 987654).toString().contains("987654"));
        Bind bind = new Bind("", "", List.of(), List.of("4111111111111111".getBytes(StandardCharsets.UTF_8)),
                List.of());
        assertFalse(bind.toString().contains("4111"));
        assertFalse(DataRow.ofText("secret-salary").toString().contains("secret"));
    }

    @Test
    void recordsWithArraysCompareByContentAndKeepNulls() {
        DataRow a = DataRow.ofText("x", null);
        DataRow b = new DataRow(Arrays.asList("x".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(null, a.values().get(1));
        assertThrows(UnsupportedOperationException.class, () -> a.values().set(0, new byte[0]));
    }

    @Test
    void startupParametersAreCopiedInOrderAndUnmodifiable() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "u");
        params.put("database", "d");
        StartupMessage m = StartupMessage.v3(params);
        params.put("options", "-c role=admin");
        assertEquals(List.of("user", "database"), List.copyOf(m.parameters().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.parameters().put("x", "y"));
        assertThrows(IllegalArgumentException.class, () -> StartupMessage.v3(Map.of("", "v")));
    }

    @Test
    void int16FieldsAreRangeChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new RowDescription.Field("a", 0, 40_000, 23, 4, -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Bind("", "", List.of(70_000), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AuthenticationMD5Password(new byte[3]));
    }

    @Test
    void outputIsNeverFlushedAndOpenMessagesNeverLeak() throws IOException {
        boolean[] flushed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed[0] = true;
            }
        };
        WireOutput out = new WireOutput();
        Sync.INSTANCE.encode(out);
        out.begin((byte) 'Q');
        assertThrows(IllegalStateException.class, () -> out.writeTo(sink), "half a message must not go out");
        out.cString("x").end();
        out.writeTo(sink);
        assertFalse(flushed[0]);
        assertEquals(5 + 7, sink.size());
        assertEquals(0, out.size());
        assertTrue(Arrays.equals(new byte[] {'S', 0, 0, 0, 4}, Arrays.copyOf(sink.toByteArray(), 5)));
    }
}
