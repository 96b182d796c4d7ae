package dev.betweenrows.wire.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Exact reads from a socket stream with a small private read-ahead buffer. The buffer is ours (not a
 * BufferedInputStream) so that a TLS switch can prove no plaintext was read ahead: bytes that arrived after
 * an SSLRequest and before the handshake must never be treated as if they came through TLS
 * (CVE-2021-23214 / CVE-2021-23222).
 */
final class FramedInput {
    private static final int READ_AHEAD = 8192;
    /** Bodies larger than this are grown as bytes arrive, so a lying length cannot make us allocate up front. */
    private static final int FIRST_CHUNK = 64 * 1024;

    private final String peer;
    private final byte[] ahead = new byte[READ_AHEAD];
    private InputStream in;
    private int pos;
    private int limit;

    FramedInput(InputStream in, String peer) {
        this.in = in;
        this.peer = peer;
    }

    /** Next byte, or -1 when the peer closed the stream cleanly at a message boundary. */
    int readByteOrEof() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return ahead[pos++] & 0xFF;
    }

    int readInt32() throws IOException {
        byte[] b = new byte[4];
        readFully(b, 0, 4);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** Reads exactly {@code n} bytes; the array grows with what actually arrives. */
    byte[] readBody(int n) throws IOException {
        return readBody(n, 0);
    }

    /**
     * Reads exactly {@code n} bytes into a new array, after {@code prefix} bytes left free for the caller.
     * Beyond the first chunk the array only grows as bytes arrive, so a peer announcing a huge length and
     * then stalling or closing costs us at most twice what it really sent.
     */
    byte[] readBody(int n, int prefix) throws IOException {
        long total = (long) prefix + n;
        byte[] out = new byte[(int) Math.min(total, prefix + FIRST_CHUNK)];
        int have = prefix;
        while (have < total) {
            if (have == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(total, (long) out.length * 2));
            }
            int chunk = out.length - have;
            readFully(out, have, chunk);
            have += chunk;
        }
        return out;
    }

    void readFully(byte[] dst, int off, int len) throws IOException {
        int buffered = Math.min(len, limit - pos);
        System.arraycopy(ahead, pos, dst, off, buffered);
        pos += buffered;
        off += buffered;
        len -= buffered;
        if (len >= READ_AHEAD) {
            while (len > 0) { // large remainder: read straight into the destination
                int r = in.read(dst, off, len);
                if (r < 0) {
                    throw truncated();
                }
                off += r;
                len -= r;
            }
            return;
        }
        while (len > 0) {
            if (!fill()) {
                throw truncated();
            }
            int take = Math.min(len, limit - pos);
            System.arraycopy(ahead, pos, dst, off, take);
            pos += take;
            off += take;
            len -= take;
        }
    }

    int buffered() {
        return limit - pos;
    }

    /** Continues on another stream (the TLS one); refused when plaintext was already read ahead. */
    void switchTo(InputStream next) {
        if (buffered() > 0) {
            throw ProtocolException.violation("received unencrypted data after SSL request");
        }
        in = next;
    }

    ProtocolException truncated() {
        return ProtocolException.violation("incomplete message from " + peer);
    }

    private boolean fill() throws IOException {
        int r;
        do {
            r = in.read(ahead, 0, READ_AHEAD);
        } while (r == 0);
        if (r < 0) {
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }
}
