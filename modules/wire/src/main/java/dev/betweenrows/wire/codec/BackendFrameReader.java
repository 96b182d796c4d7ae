package dev.betweenrows.wire.codec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the upstream server's byte stream as raw messages (type + length + payload), so that results can
 * be forwarded byte-for-byte; {@link BackendMessages#decode(RawMessage)} decodes only what the proxy inspects.
 */
public final class BackendFrameReader {
    /** PostgreSQL itself never sends a message over 1 GiB. Bodies are allocated as they arrive. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 30;

    private final FramedInput input;
    private final int maxMessageBytes;

    public BackendFrameReader(InputStream in) {
        this(in, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public BackendFrameReader(InputStream in, int maxMessageBytes) {
        this.input = new FramedInput(in, "server");
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The single-byte answer to an SSLRequest ('S' or 'N'; 'E' from servers that refuse it outright). */
    public int readSslResponse() throws IOException {
        int b = input.readByteOrEof();
        if (b < 0) {
            throw input.truncated();
        }
        return b;
    }

    /** Continues on the TLS stream; refused if the server sent bytes after 'S' before the handshake. */
    public void startTls(InputStream tlsStream) {
        input.switchTo(tlsStream);
    }

    /** Next message, or null when the server closed the connection at a message boundary. */
    public RawMessage read() throws IOException {
        int type = input.readByteOrEof();
        if (type < 0) {
            return null;
        }
        int length = input.readInt32();
        if (length < 4) {
            throw ProtocolException.violation("invalid message length from server");
        }
        if (length > maxMessageBytes) {
            throw new ProtocolException(SqlStates.PROGRAM_LIMIT_EXCEEDED,
                    "message from server too large: " + length + " bytes, limit " + maxMessageBytes);
        }
        byte[] bytes = input.readBody(length - 4, RawMessage.HEADER);
        bytes[0] = (byte) type;
        bytes[1] = (byte) (length >>> 24);
        bytes[2] = (byte) (length >>> 16);
        bytes[3] = (byte) (length >>> 8);
        bytes[4] = (byte) length;
        return new RawMessage(bytes);
    }
}
