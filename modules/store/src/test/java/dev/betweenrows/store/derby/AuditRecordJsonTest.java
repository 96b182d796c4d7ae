package dev.betweenrows.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.store.QueryAuditRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written encoder of {@link AuditRecordJson#fields} against jakarta.json's reader of the same records. */
class AuditRecordJsonTest {
    /** Every character JSON must escape, the ones it need not, and characters beyond the BMP. */
    private static final String ALPHABET = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f \"\\/'$;-*"
            + "aZ09\u007f\u0080\u00e9\u2028\u2029\ufeff\uffff\u20ac😀";

    private final Random random = new Random(20261127);

    @Test void everyRecordReadsBackAsItWasWritten() {
        for (int i = 0; i < 3000; i++) {
            QueryAuditRecord r = record(i);
            byte[] json = AuditRecordJson.fields(r);
            assertEquals(r, AuditRecordJson.read(new String(json, StandardCharsets.UTF_8)), () -> new String(json,
                    StandardCharsets.UTF_8));
            for (byte b : json) {
                if (b >= 0 && b < 0x20) fail("a raw control character in " + new String(json, StandardCharsets.UTF_8));
            }
        }
    }

    @Test void aRecordWithOnlyTheRequiredFields() {
        QueryAuditRecord r = new QueryAuditRecord("id-1", Instant.parse("2026-11-27T01:02:03.000004Z"), Kind.LOGIN,
                null, null, null, null, null, null, null, null, null, null, null, List.of(), Decision.DENIED, null, null,
                null, null, null, null, null, null);
        String json = new String(AuditRecordJson.fields(r), StandardCharsets.UTF_8);
        assertEquals("{\"id\":\"id-1\",\"at\":\"2026-11-27T01:02:03.000004Z\",\"kind\":\"LOGIN\",\"decision\":\"DENIED\","
                + "\"policies\":[]}", json);
        assertEquals(r, AuditRecordJson.read(json));
    }

    private QueryAuditRecord record(int i) {
        List<AppliedPolicyRef> policies = new ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) policies.add(new AppliedPolicyRef(text(8), text(12), random.nextLong()));
        return new QueryAuditRecord(text(36).isEmpty() ? "x" : QueryAuditRecord.newId(),
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                Kind.values()[i % 2], maybe(), maybe(), maybe(), maybe(), maybe(), maybe(), maybeLong(),
                random.nextBoolean() ? null : random.nextInt(), maybe(), maybe(), maybe(), policies,
                Decision.values()[i % Decision.values().length], maybe(), maybe(), maybe(), maybeLong(), maybeLong(),
                maybeLong(), maybeLong(), maybe());
    }

    private String maybe() {
        return random.nextInt(4) == 0 ? null : text(random.nextInt(4) == 0 ? 400 : 20);
    }

    private Long maybeLong() {
        return random.nextInt(4) == 0 ? null : random.nextLong();
    }

    private String text(int max) {
        StringBuilder b = new StringBuilder();
        int[] points = ALPHABET.codePoints().toArray();
        for (int n = random.nextInt(max + 1); n > 0; n--) b.appendCodePoint(points[random.nextInt(points.length)]);
        return b.toString();
    }
}
