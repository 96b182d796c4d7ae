package dev.betweenrows.audit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test void everyFieldSurvivesAJournalLine() {
        QueryAuditRecord r = new QueryAuditRecord(QueryAuditRecord.newId(), Instant.parse("2026-11-26T20:00:00.123456Z"),
                QueryAuditRecord.Kind.STATEMENT, "u1", "alice", "ds1", "shop", "10.0.0.1", "psql \"x\"", 7L, 2, "simple",
                "SELECT 'a\nb' -- \u00e9\u2603 \\ \"q\"\t", "SELECT 1 /* rewritten */",
                List.of(new AppliedPolicyRef("p1", "tenant \"filter\"", 3), new AppliedPolicyRef("p2", "mask", 1)),
                QueryAuditRecord.Decision.DENIED, "42501", "permission denied", "reason\u0000with nul", 12L, 345L, 0L, 0L,
                "[\"$1\"]");
        String line = RecordCodec.encode(42, r);
        assertFalse(line.contains("\n"), "one line: " + line);
        Journal.Entry back = RecordCodec.decode(line);
        assertEquals(42, back.seq());
        assertEquals(r, back.record());
    }

    @Test void absentValuesStayAbsent() {
        QueryAuditRecord r = new QueryAuditRecord("id-1", Instant.EPOCH, QueryAuditRecord.Kind.LOGIN, null, "bob", null,
                null, null, null, null, null, null, null, null, List.of(), QueryAuditRecord.Decision.ALLOWED, null, null,
                null, null, null, null, null, null);
        assertEquals(r, RecordCodec.decode(RecordCodec.encode(1, r)).record());
    }
}
