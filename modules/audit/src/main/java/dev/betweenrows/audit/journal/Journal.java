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
import java.util.concurrent.locks.StampedLock;
import java.util.stream.Stream;

/**
 * Append-only local journal of audit records, one JSON line each, in segments
 * {@code seg-<first seq>.jsonl}. {@link #append} returns once the line is written to the OS (it
 * survives a crash of this process; {@link #force} makes it survive an OS crash). The checkpoint
 * names the highest sequence number committed to the store; segments entirely below it are deleted.
 *
 * <p>Appends (on every client's statement path) never wait for a disk flush: {@link #force} and
 * {@link #checkpoint} fsync outside the append lock, on the writer thread. A line is complete once its
 * {@code '\n'} is in the file: a process that dies mid-write leaves a line without it, or a run of NUL bytes
 * where a line was to go, and neither is read back.
 *
 * <p>The segments are written with positional writes, not through a memory mapping: a write into a mapped file
 * that cannot get a disk block (a full disk, any copy-on-write file system) raises SIGBUS, which the JVM turns
 * into an {@code InternalError} delivered asynchronously, not an {@code IOException} the audit can refuse on.
 */
public final class Journal implements AutoCloseable {
    private static final long SEGMENT_BYTES = 16L << 20;
    private final long segmentLimit;
    private final Path dir;
    private final Object appendLock = new Object();
    private final Object checkpointLock = new Object();
    private long nextSeq;                       // guarded by appendLock
    private volatile long checkpoint;           // written under checkpointLock
    private volatile long segmentFirstSeq;      // written under appendLock
    private volatile FileChannel segment;       // written under appendLock
    private long segmentBytes;                  // guarded by appendLock: where the next line goes, no fstat
    private volatile boolean segmentFull;       // written under appendLock
    /**
     * Appends write under the read lock; a rotation takes the write lock, so no write goes to a closed segment.
     * A StampedLock: a ReentrantReadWriteLock looks up a per-thread hold count (a ThreadLocal) on every read
     * lock and unlock, ~4 % of a session thread's samples under load.
     */
    private final StampedLock rotation = new StampedLock();
    private volatile boolean dirty;

    private Journal(Path dir, long nextSeq, long checkpoint, long segmentLimit) {
        this.dir = dir;
        this.segmentLimit = segmentLimit;
        this.nextSeq = nextSeq;
        this.checkpoint = checkpoint;
    }

    public static Journal open(Path dir) {
        return open(dir, SEGMENT_BYTES);
    }

    /** With segments of about {@code segmentLimit} bytes (tests rotate often). */
    static Journal open(Path dir, long segmentLimit) {
        try {
            Files.createDirectories(dir);
            long checkpoint = readCheckpoint(dir);
            long maxSeq = checkpoint;
            for (Entry e : readAll(dir)) maxSeq = Math.max(maxSeq, e.seq());
            Journal j = new Journal(dir, maxSeq + 1, checkpoint, segmentLimit);
            j.openSegment();
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the record; the entry has its sequence number and its line (so the store need not encode it again). */
    public Entry append(QueryAuditRecord record) throws IOException {
        return append(record, RecordCodec.fields(record), entry -> { });
    }

    /**
     * {@link #append(QueryAuditRecord)} with the record's fields already encoded ({@link RecordCodec#fields}).
     * {@code inOrder} receives the entry in sequence order, before its line is written (the caller's queue then
     * holds entries in journal order). Only the sequence number and the line's place in the file are taken under
     * the lock; the write itself is positional and runs beside other appends, so sessions no longer queue behind
     * each other's {@code write} call. The line is in the file when this returns.
     */
    public Entry append(QueryAuditRecord record, byte[] fields, java.util.function.Consumer<Entry> inOrder)
            throws IOException {
        Entry entry;
        long position;
        FileChannel target;
        long readStamp = rotation.readLock();
        try {
            synchronized (appendLock) {
                long seq = nextSeq;
                entry = new Entry(seq, record, RecordCodec.line(seq, fields));
                target = segment;
                position = segmentBytes;
                segmentBytes += entry.json().length + 1;
                nextSeq++;
                if (segmentBytes > segmentLimit) segmentFull = true;
                inOrder.accept(entry);
            }
            ByteBuffer line = ByteBuffer.allocate(entry.json().length + 1).put(entry.json()).put((byte) '\n').flip();
            while (line.hasRemaining()) position += target.write(line, position);
            dirty = true;   // after the write: a force that started before it must not clear it
        } finally {
            rotation.unlockRead(readStamp);
        }
        if (segmentFull) rotate();
        return entry;
    }

    /** The next segment, once every append to the full one has written its line. */
    private void rotate() throws IOException {
        long writeStamp = rotation.writeLock();
        try {
            synchronized (appendLock) {
                if (!segmentFull) return;   // another append rotated first
                segment.force(false);
                segment.close();
                openSegment();
                segmentFull = false;
            }
        } finally {
            rotation.unlockWrite(writeStamp);
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
        long writeStamp = rotation.writeLock();
        try {
            synchronized (appendLock) {
                segment.force(false);
                segment.close();
            }
        } finally {
            rotation.unlockWrite(writeStamp);
        }
    }

    /**
     * Opens the segment of {@code nextSeq}. A segment of that name exists only if a crash tore its first line: it is
     * cut back to its last complete line (none), so the next record is not glued to the torn bytes.
     */
    private void openSegment() throws IOException {
        segmentFirstSeq = nextSeq;
        Path file = dir.resolve(name(segmentFirstSeq));
        // not APPEND: Linux ignores the position of a positional write on an O_APPEND file
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long end = completeLinesEnd(channel);
            channel.truncate(end);
            segmentBytes = end;
            segment = channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Where the last complete line of the file ends (0 if it has none): read backwards in blocks. */
    private static long completeLinesEnd(FileChannel c) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        long end = c.size();
        while (end > 0) {
            int n = (int) Math.min(block.capacity(), end);
            block.clear().limit(n);
            long from = end - n;
            while (block.hasRemaining()) {
                if (c.read(block, from + block.position()) < 0) throw new IOException("audit journal segment shrank");
            }
            for (int i = n - 1; i >= 0; i--) {
                if (block.get(i) == '\n') return from + i + 1;
            }
            end = from;
        }
        return 0;
    }

    /** The segment's bytes up to its last complete line. */
    private static byte[] completeLines(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = completeLinesEnd(c);
            if (end > Integer.MAX_VALUE - 8) throw new IOException("audit journal segment too large: " + file);
            ByteBuffer bytes = ByteBuffer.allocate((int) end);
            while (bytes.hasRemaining()) {
                if (c.read(bytes, bytes.position()) < 0) throw new IOException("audit journal segment shrank");
            }
            return bytes.array();
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
            byte[] bytes = completeLines(dir.resolve(name(first)));
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') continue;
                int from = afterLastNul(bytes, start, i);
                if (from < i) {
                    try {
                        entries.add(RecordCodec.decode(new String(bytes, from, i - from, StandardCharsets.UTF_8)));
                    } catch (RuntimeException torn) {
                        // not a whole line: its statement never completed
                    }
                }
                start = i + 1;
            }
        }
        return entries;
    }

    /**
     * Appends write their lines side by side: a process that died between two of them can leave the place of an
     * unfinished line as NUL bytes, or as the start of that line and NUL bytes, before a finished one. The
     * unfinished record never completed (its statement's result was not sent); the finished one is read. A line
     * never holds a NUL byte itself (JSON escapes it).
     */
    private static int afterLastNul(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == 0) return i + 1;
        }
        return from;
    }

    /** A journal entry: the record and its line as written (a JSON object in UTF-8). */
    public record Entry(long seq, QueryAuditRecord record, byte[] json) {}
}
