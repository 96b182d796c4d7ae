package dev.betweenrows.wire.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Builds expected wire bytes by hand: each piece written out as the protocol documentation lays it out. */
public final class TestBytes {
    private TestBytes() {}

    public static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] i16(int v) {
        return b(v >>> 8, v);
    }

    public static byte[] i32(int v) {
        return b(v >>> 24, v >>> 16, v >>> 8, v);
    }

    /** The text's UTF-8 bytes followed by NUL. */
    public static byte[] str(String s) {
        return cat(ascii(s), b(0));
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static InputStream stream(byte[]... parts) {
        return new ByteArrayInputStream(cat(parts));
    }

    /** Serves {@code head}, then fails the test if anyone reads further (proves nothing past it was needed). */
    public static InputStream thenForbidden(byte[] head) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (pos == head.length) {
                    throw new AssertionError("read past the header");
                }
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, dst, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Serves the bytes in pieces of 1..7 bytes, as a slow network would. */
    public static InputStream trickle(byte[] data, long seed) {
        java.util.Random random = new java.util.Random(seed);
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos == data.length ? -1 : data[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (pos == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(7)), data.length - pos);
                System.arraycopy(data, pos, dst, off, n);
                pos += n;
                return n;
            }
        };
    }
}
