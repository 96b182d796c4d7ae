package dev.betweenrows.wire.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable output buffer that frames messages: {@link #begin(byte)} writes the type byte and a length
 * placeholder, {@link #end()} patches the length. Nothing is written to the network until the owner calls
 * {@link #writeTo(OutputStream)}; flushing is the session's decision (after Sync, Flush, or a size threshold).
 * Not thread-safe: one per connection direction.
 */
public final class WireOutput {
    private static final int RETAINED_CAPACITY = 1 << 20;
    private static final int INITIAL_AFTER_SHRINK = 8192;

    private byte[] buf;
    private int size;
    private int messageStart = -1;

    public WireOutput() {
        this(1024);
    }

    public WireOutput(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Starts a typed message (every message after the startup packet). */
    public WireOutput begin(byte type) {
        requireClosed();
        ensure(5);
        buf[size++] = type;
        messageStart = size;
        size += 4;
        return this;
    }

    /** Starts a startup-phase packet, which has a length but no type byte. */
    public WireOutput beginUntyped() {
        requireClosed();
        ensure(4);
        messageStart = size;
        size += 4;
        return this;
    }

    /** Writes the length (which counts itself) into the placeholder. */
    public WireOutput end() {
        if (messageStart < 0) {
            throw new IllegalStateException("no message started");
        }
        int length = size - messageStart;
        putInt(messageStart, length);
        messageStart = -1;
        return this;
    }

    public WireOutput int8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireOutput int16(int v) {
        if (v < Short.MIN_VALUE || v > 0xFFFF) {
            throw new IllegalArgumentException("does not fit in 16 bits: " + v);
        }
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireOutput int32(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
        return this;
    }

    public WireOutput bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireOutput bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** A NUL-terminated UTF-8 string. An embedded NUL would end the field early and let text forge fields. */
    public WireOutput cString(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string contains NUL");
        }
        bytes(s.getBytes(StandardCharsets.UTF_8));
        return int8(0);
    }

    /** Bytes buffered so far (complete and open messages). */
    public int size() {
        return size;
    }

    /** Writes the complete messages to {@code out} (without flushing it) and empties the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        requireClosed();
        out.write(buf, 0, size);
        size = 0;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_AFTER_SHRINK]; // one huge row must not pin memory for the connection's life
        }
    }

    public byte[] toByteArray() {
        requireClosed();
        return Arrays.copyOf(buf, size);
    }

    /** Drops everything written after the first {@code newSize} bytes (a message boundary the caller kept). */
    public void truncate(int newSize) {
        requireClosed();
        if (newSize < 0 || newSize > size) throw new IllegalArgumentException("bad truncation: " + newSize);
        size = newSize;
    }

    public void reset() {
        size = 0;
        messageStart = -1;
    }

    private void requireClosed() {
        if (messageStart >= 0) {
            throw new IllegalStateException("message still open");
        }
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void ensure(int more) {
        if (more > buf.length - size) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("output buffer too large");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
