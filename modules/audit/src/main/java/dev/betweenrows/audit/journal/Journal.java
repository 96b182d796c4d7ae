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
 *
 * <p>Appends (on every client's statement path) never wait for a disk flush: {@link #force} and
 * {@link #checkpoint} fsync outside the append lock, on the writer thread.
 */
public final class Journal implements AutoCloseable {
    private static final long SEGMENT_BYTES = 16L << 20;
    private final Path dir;
    private final Object appendLock = new Object();
    private final Object checkpointLock = new Object();
    private long nextSeq;                       // guarded by appendLock
    private volatile long checkpoint;           // written under checkpointLock
    private volatile long segmentFirstSeq;      // written under appendLock
    private volatile FileChannel segment;       // written under appendLock
    private long segmentBytes;                  // guarded by appendLock: no fstat per append
    private volatile boolean dirty;

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

    /** Writes the record; the entry has its sequence number and its line (so the store need not encode it again). */
    public Entry append(QueryAuditRecord record) throws IOException {
        return append(record, RecordCodec.fields(record));
    }

    /** {@link #append(QueryAuditRecord)} with the record's fields already encoded ({@link RecordCodec#fields}). */
    public Entry append(QueryAuditRecord record, byte[] fields) throws IOException {
        synchronized (appendLock) {
            long seq = nextSeq;
            byte[] json = RecordCodec.line(seq, fields);
            ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            while (line.hasRemaining()) segment.write(line);
            segmentBytes += json.length + 1;
            nextSeq++;
            dirty = true;
            if (segmentBytes > SEGMENT_BYTES) {
                segment.force(false);
                segment.close();
                openSegment();
            }
            return new Entry(seq, record, json);
        }
    }

    /** fsync of what was appended since the last call; appends go on meanwhile. */
    public void force() throws IOException {
        if (!dirty) return;
        dirty = false;
        FileChannel current = segment;
        try {
            current.force(false);
        } catch (java.nio.channels.ClosedChannelException rotated) {
            // append closed it after forcing it itself when it started the next segment
        }
    }

    /** Records after the checkpoint, in sequence order (a torn last line is ignored). */
    public List<Entry> uncommitted() throws IOException {
        return readAll(dir).stream().filter(e -> e.seq() > checkpoint).sorted(java.util.Comparator.comparingLong(Entry::seq)).toList();
    }

    /** Everything up to {@code seq} is in the store: remember it and delete segments no longer needed. */
    public void checkpoint(long seq) throws IOException {
        synchronized (checkpointLock) {
            writeCheckpoint(seq);
        }
    }

    private void writeCheckpoint(long seq) throws IOException {
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

    public long checkpointSeq() {
        return checkpoint;
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            segment.force(false);
            segment.close();
        }
    }

    private void openSegment() throws IOException {
        segmentFirstSeq = nextSeq;
        Path file = dir.resolve(name(segmentFirstSeq));
        dropTornTail(file);
        segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentBytes = segment.size();
    }

    /**
     * A crash in the middle of the first line of a segment leaves that segment's name free for reuse: cut the torn
     * line off before appending, or the next record would be glued to it and unreadable. (A torn line never held
     * a completed record: the client sees completion only after the whole line is written.)
     */
    private static void dropTornTail(Path file) throws IOException {
        if (!Files.exists(file)) return;
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long keep = c.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                c.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < c.size()) c.truncate(keep);
        }
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

    /** A journal entry: the record and its line as written (a JSON object in UTF-8). */
    public record Entry(long seq, QueryAuditRecord record, byte[] json) {}
}
