package dev.betweenrows.wire.session;

import dev.betweenrows.wire.message.ErrorResponse;

/**
 * What one statement sent to the client, for its audit record: DataRow count and bytes (counted as relayed,
 * never decoded) and the first error (scrubbed, as the client saw it), and whether that error came from upstream.
 * Session thread only.
 */
final class StatementOutput {
    private long rows;
    private long bytes;
    private ErrorResponse error;
    private boolean upstreamError;

    void reset() {
        rows = 0;
        bytes = 0;
        error = null;
        upstreamError = false;
    }

    void row(int messageBytes) {
        rows++;
        bytes += messageBytes;
    }

    void error(ErrorResponse e, boolean fromUpstream) {
        if (error == null) {
            error = e;
            upstreamError = fromUpstream;
        }
    }

    long rows() {
        return rows;
    }

    /** Bytes of the DataRow messages (type and length included). */
    long bytes() {
        return bytes;
    }

    /** The first error sent, or null. */
    ErrorResponse error() {
        return error;
    }

    boolean upstreamError() {
        return upstreamError;
    }
}
