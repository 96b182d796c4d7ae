package dev.betweenrows.wire.session;

import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.codec.WireOutput;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.ErrorResponse;
import java.io.IOException;
import dev.betweenrows.wire.tls.ServerTls;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;

/**
 * The client socket's sending side. The session thread buffers messages and flushes where it decides
 * (after ReadyForQuery, after a FATAL, inside the auth exchange). Another thread (shutdown, the admin
 * plane) may {@link #terminate} the connection at any time: the lock guarantees its FATAL never lands in
 * the middle of a message, and closing the socket wakes the session thread's blocked read.
 * After a TLS upgrade every byte goes through the SSLSocket; closing still closes the accepted socket
 * underneath it, which never blocks (a close_notify could, towards a client that stopped reading).
 */
final class ClientChannel {
    private static final Duration TERMINATE_LOCK_WAIT = Duration.ofSeconds(1);

    private final Socket socket;
    private volatile OutputStream out;
    private volatile boolean encrypted;
    private volatile byte[] endPointBinding;
    private final WireOutput buffer = new WireOutput(8192);
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean terminated;
    private long flushes;
    private final StatementOutput output = new StatementOutput();

    ClientChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** An SSLSocket over this connection's socket, before its handshake (see {@link #useTls}). */
    SSLSocket layerTls(ServerTls tls) throws IOException {
        return tls.layer(socket);
    }

    /** After the handshake (session thread only): from now on everything is sent through {@code tlsSocket}. */
    void useTls(SSLSocket tlsSocket, Optional<byte[]> endPoint) throws IOException {
        writeLock.lock();
        try {
            out = tlsSocket.getOutputStream();
            endPointBinding = endPoint.map(byte[]::clone).orElse(null);
            encrypted = true;
        } finally {
            writeLock.unlock();
        }
    }

    boolean encrypted() {
        return encrypted;
    }

    /** The tls-server-end-point channel-binding data of this connection; empty without TLS. */
    Optional<byte[]> tlsServerEndPoint() {
        byte[] data = endPointBinding;
        return Optional.ofNullable(data).map(byte[]::clone);
    }

    /** Buffers a message (session thread only). */
    void send(BackendMessage message) {
        int before = buffer.size();
        message.encode(buffer);
        if (message instanceof DataRow) {
            output.row(buffer.size() - before);
        } else if (message instanceof ErrorResponse e) {
            output.error(e, false);
        }
    }

    /** Buffers a scrubbed upstream error (session thread only); the audit tells it from the proxy's own. */
    void sendUpstreamError(ErrorResponse error) {
        error.encode(buffer);
        output.error(error, true);
    }

    /** Buffers an upstream message unchanged: forwarded results are never re-encoded (session thread only). */
    void sendRaw(RawMessage message) {
        message.writeTo(buffer);
        if (message.type() == 'D') {
            output.row(message.bytes().length);
        }
    }

    /**
     * Starts a statement (session thread only): its rows, bytes and error are counted from here, and
     * {@link #withdraw} can take back what it buffered.
     */
    Mark beginStatement() {
        output.reset();
        return new Mark(flushes, buffer.size());
    }

    /** What the current statement sent so far. */
    StatementOutput output() {
        return output;
    }

    /**
     * Drops what was buffered since {@code mark} and not flushed yet (session thread only): a statement whose
     * audit record could not be written must not hand its result over. Flushes happen only between messages,
     * so after one everything still buffered belongs to the statement.
     */
    void withdraw(Mark mark) {
        buffer.truncate(mark.flushes() == flushes ? mark.size() : 0);
    }

    /** A position in the output: flush count and buffered size. */
    record Mark(long flushes, int size) {}

    /** Bytes buffered and not yet flushed (session thread only): forwarding flushes in chunks. */
    int buffered() {
        return buffer.size();
    }

    /** Writes what is buffered and flushes it (session thread only). */
    void flush() throws IOException {
        writeLock.lock();
        try {
            if (terminated) {
                buffer.reset();
                throw new IOException("connection terminated");
            }
            buffer.writeTo(out);
            out.flush();
            flushes++;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The session's own FATAL (session thread): what is buffered, then the error. The channel is terminated from
     * then on, so a terminate from another thread at the same moment (an admin, a revocation, the idle check)
     * sends no second FATAL; and nothing is sent if one was already.
     */
    void sendFatal(ErrorResponse fatal) throws IOException {
        writeLock.lock();
        try {
            if (terminated) {
                buffer.reset();
                return;
            }
            terminated = true;
            send(fatal);
            buffer.writeTo(out);
            out.flush();
            flushes++;
        } finally {
            writeLock.unlock();
        }
    }

    /** One unframed byte: the answer to SSLRequest/GSSENCRequest. */
    void sendByteAndFlush(int b) throws IOException {
        writeLock.lock();
        try {
            out.write(b);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * From any thread: sends {@code fatal} (if not null) after the last complete flush and closes the
     * socket. Later flushes by the session thread fail. Idempotent.
     */
    void terminate(ErrorResponse fatal) {
        boolean locked = false;
        try {
            // a client that stopped reading can block a flush forever: then close without the message
            locked = writeLock.tryLock(TERMINATE_LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (locked && !terminated && fatal != null && !socket.isClosed()) {
                out.write(fatal.toBytes());
                out.flush();
            }
        } catch (IOException ignored) {
            // the client is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminated = true;
            if (locked) {
                writeLock.unlock();
            }
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
