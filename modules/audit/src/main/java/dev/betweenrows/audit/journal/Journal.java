package dev.betweenrows.audit.journal;

import dev.betweenrows.store.QueryAuditRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Append-only local journal of audit records, one JSON line each, in segments
 * {@code seg-<first seq>.jsonl}. {@link #append} returns once the line is written to the OS (it
 * survives a crash of this process; {@link #force} makes it survive an OS crash). The checkpoint
 * names the highest sequence number committed to the store; segments entirely below it are deleted.
 */
public final class Journal implements AutoCloseable {
    private static final long SEGMENT_BYTES = 16L << 20;
    private final Path dir;
    private long nextSeq;
    private long checkpoint;
    private long segmentFirstSeq;
    private FileChannel segment;
    private boolean dirty;

    private Journal(Path dir, long nextSeq, long checkpoint) {
        this.dir = dir;
        this.nextSeq = nextSeq;
        this.checkpoint = checkpoint;
    }

    public static Journal open(Path dir) {
        try {
            Files.createDirectories(dir);
            long checkpoint = readCheckpoint(dir);
            long maxSeq = checkpoint;
            for (Entry e : readAll(dir)) maxSeq = Math.max(maxSeq, e.seq());
            Journal j = new Journal(dir, maxSeq + 1, checkpoint);
            j.openSegment();
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the record and returns its sequence number. */
    public synchronized long append(QueryAuditRecord record) throws IOException {
        long seq = nextSeq;
        ByteBuffer line = StandardCharsets.UTF_8.encode(RecordCodec.encode(seq, record) + "\n");
        while (line.hasRemaining()) segment.write(line);
        nextSeq++;
        dirty = true;
        if (segment.size() > SEGMENT_BYTES) {
            segment.force(false);
            segment.close();
            openSegment();
        }
        return seq;
    }

    /** fsync of what was appended since the last call. */
    public synchronized void force() throws IOException {
        if (dirty) {
            segment.force(false);
            dirty = false;
        }
    }

    /** Records after the checkpoint, in sequence order (a torn last line is ignored). */
    public synchronized List<Entry> uncommitted() throws IOException {
        return readAll(dir).stream().filter(e -> e.seq() > checkpoint).sorted(java.util.Comparator.comparingLong(Entry::seq)).toList();
    }

    /** Everything up to {@code seq} is in the store: remember it and delete segments no longer needed. */
    public synchronized void checkpoint(long seq) throws IOException {
        if (seq <= checkpoint) return;
        checkpoint = seq;
        Path tmp = dir.resolve("checkpoint.tmp");
        Files.writeString(tmp, Long.toString(seq));
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, dir.resolve("checkpoint"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Long> firsts = segmentFirstSeqs(dir);
        for (int i = 0; i + 1 < firsts.size(); i++) {
            boolean allCommitted = firsts.get(i + 1) - 1 <= seq;
            if (allCommitted && firsts.get(i) != segmentFirstSeq) {
                Files.deleteIfExists(dir.resolve(name(firsts.get(i))));
            }
        }
    }

    public synchronized long checkpointSeq() {
        return checkpoint;
    }

    @Override
    public synchronized void close() throws IOException {
        force();
        segment.close();
    }

    private void openSegment() throws IOException {
        segmentFirstSeq = nextSeq;
        segment = FileChannel.open(dir.resolve(name(segmentFirstSeq)), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private static String name(long firstSeq) {
        return String.format("seg-%019d.jsonl", firstSeq);
    }

    private static long readCheckpoint(Path dir) throws IOException {
        Path f = dir.resolve("checkpoint");
        return Files.exists(f) ? Long.parseLong(Files.readString(f).strip()) : 0;
    }

    private static List<Long> segmentFirstSeqs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("seg-") && n.endsWith(".jsonl"))
                    .map(n -> Long.parseLong(n.substring(4, n.length() - 6))).sorted().toList();
        }
    }

    private static List<Entry> readAll(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (long first : segmentFirstSeqs(dir)) {
            for (String line : Files.readAllLines(dir.resolve(name(first)), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    entries.add(RecordCodec.decode(line));
                } catch (RuntimeException torn) {
                    // a line cut short by a crash mid-write: its statement never completed
                }
            }
        }
        return entries;
    }

    /** A journal entry. */
    public record Entry(long seq, QueryAuditRecord record) {}
}
