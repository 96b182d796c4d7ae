package dev.betweenrows.audit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.betweenrows.store.QueryAuditRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    /**
     * A crash tore the first line of a new segment: the segment's name is reused on restart, and the next record
     * must not be glued to the torn bytes (it would be unreadable, and lost with the next crash).
     */
    @Test void aTornFirstLineDoesNotSwallowTheNextRecord() throws Exception {
        QueryAuditRecord kept;
        try (Journal j = Journal.open(dir)) {
            j.append(record("a"));
            j.checkpoint(1);
        }
        Files.writeString(dir.resolve(String.format("seg-%019d.jsonl", 2)), "{\"seq\":2,\"id\":\"torn",
                StandardCharsets.UTF_8);
        try (Journal j = Journal.open(dir)) {
            kept = record("b");
            assertEquals(2, j.append(kept).seq());
        }
        try (Journal j = Journal.open(dir)) {
            List<Journal.Entry> pending = j.uncommitted();
            assertEquals(1, pending.size(), pending.toString());
            assertEquals(kept, pending.getFirst().record());
        }
    }

    private static QueryAuditRecord record(String sql) {
        return new QueryAuditRecord(QueryAuditRecord.newId(), Instant.now(), QueryAuditRecord.Kind.STATEMENT, "u1", "alice",
                "ds1", "shop", null, null, 1L, 0, "simple", sql, sql, List.of(), QueryAuditRecord.Decision.ALLOWED, null,
                null, null, 1L, 2L, 0L, 0L, null);
    }
}
