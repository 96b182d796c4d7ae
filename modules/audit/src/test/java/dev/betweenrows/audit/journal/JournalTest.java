package dev.betweenrows.audit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Appends write their lines side by side, also across segment rotations: every record of eight threads reads
     * back once, with gapless sequence numbers, and each thread's queue order is its sequence order.
     */
    @Test void concurrentAppendsAcrossRotationsAllReadBack() throws Exception {
        int threads = 8;
        int each = 1500;
        java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<Long> queued = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (Journal j = Journal.open(dir, 64 * 1024)) {   // ~200 lines per segment: many rotations
            List<Thread> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        QueryAuditRecord r = record("t" + thread + "-" + i);
                        try {
                            j.append(r, RecordCodec.fields(r), e -> queued.add(e.seq()));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        written.add(r.id());
                    }
                }));
            }
            for (Thread t : running) t.join();
        }
        assertEquals(threads * each, written.size());
        for (int i = 0; i < queued.size(); i++) assertEquals(i + 1L, queued.get(i), "queue order is sequence order");
        try (Journal j = Journal.open(dir)) {
            List<Journal.Entry> all = j.uncommitted();
            assertEquals(threads * each, all.size());
            for (int i = 0; i < all.size(); i++) assertEquals(i + 1L, all.get(i).seq());
            assertEquals(written, new java.util.HashSet<>(all.stream().map(e -> e.record().id()).toList()));
            assertTrue(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("seg-")).count() > 10);
        }
    }

    /**
     * A process that died while one append was writing and a later one had finished leaves NUL bytes where the
     * unfinished line was to go: the finished record behind them is read, the unfinished one is not there.
     */
    @Test void theGapOfAnUnfinishedAppendDoesNotHideTheNextRecord() throws Exception {
        QueryAuditRecord finished = record("finished");
        writeSegment(line(1, record("first")), new byte[137],   // the unfinished line's place
                line(2, finished), new byte[50]);               // and another one at the end
        assertReadBackAndAppended(List.of(1L, 2L), finished);
    }

    /**
     * A process killed during a write of a line longer than a page can leave its first bytes and then NULs (the
     * place of the rest), or all of it but the final newline: neither is read, and the finished line behind them is.
     */
    @Test void aLineTornMidWriteIsNotReadAndHidesNothing() throws Exception {
        byte[] torn = line(2, record("torn"));
        byte[] noNewline = line(4, record("no newline"));
        QueryAuditRecord finished = record("finished");
        writeSegment(line(1, record("first")),
                java.util.Arrays.copyOf(torn, torn.length / 2),       // the start of an unfinished line
                new byte[torn.length - torn.length / 2],               // and the place of its rest
                line(3, finished),
                java.util.Arrays.copyOf(noNewline, noNewline.length - 1));   // all but its '\n'
        assertReadBackAndAppended(List.of(1L, 3L), finished);
    }

    /** A line longer than a whole segment is written and read back, and the segment rotates after it. */
    @Test void aLineLongerThanASegmentIsWrittenAndReadBack() throws Exception {
        QueryAuditRecord big = record("SELECT '" + "x".repeat(10_000) + "'");
        try (Journal j = Journal.open(dir, 1024)) {
            j.append(record("small"));
            j.append(big);
            j.append(record("after"));
        }
        try (Journal j = Journal.open(dir)) {
            List<Journal.Entry> all = j.uncommitted();
            assertEquals(List.of(1L, 2L, 3L), all.stream().map(Journal.Entry::seq).toList());
            assertEquals(big, all.get(1).record());
        }
    }

    /** A record's journal line, with its newline. */
    private static byte[] line(long seq, QueryAuditRecord r) {
        byte[] json = RecordCodec.line(seq, RecordCodec.fields(r));
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** Segment 1 made of these bytes, as a killed process could leave it. */
    private void writeSegment(byte[]... parts) throws Exception {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) file.write(part);
        Files.write(dir.resolve(String.format("seg-%019d.jsonl", 1)), file.toByteArray());
    }

    /**
     * The journal reads back exactly {@code seqs}, the last being {@code last}; the next append follows them, and
     * reads back after them.
     */
    private void assertReadBackAndAppended(List<Long> seqs, QueryAuditRecord last) throws Exception {
        long next = seqs.getLast() + 1;
        try (Journal j = Journal.open(dir)) {
            List<Journal.Entry> pending = j.uncommitted();
            assertEquals(seqs, pending.stream().map(Journal.Entry::seq).toList());
            assertEquals(last, pending.getLast().record());
            assertEquals(next, j.append(record("next")).seq());
        }
        List<Long> all = new java.util.ArrayList<>(seqs);
        all.add(next);
        try (Journal j = Journal.open(dir)) {
            assertEquals(all, j.uncommitted().stream().map(Journal.Entry::seq).toList());
        }
    }

    private static QueryAuditRecord record(String sql) {
        return new QueryAuditRecord(QueryAuditRecord.newId(), Instant.now(), QueryAuditRecord.Kind.STATEMENT, "u1", "alice",
                "ds1", "shop", null, null, 1L, 0, "simple", sql, sql, List.of(), QueryAuditRecord.Decision.ALLOWED, null,
                null, null, 1L, 2L, 0L, 0L, null);
    }
}
