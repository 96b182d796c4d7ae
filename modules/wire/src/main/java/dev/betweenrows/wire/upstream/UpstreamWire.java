package dev.betweenrows.wire.upstream;

import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.UpstreamTarget.TlsMode;
import dev.betweenrows.wire.codec.BackendFrameReader;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.codec.WireOutput;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.SSLRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One socket to the upstream server after TCP connect and the optional TLS negotiation: buffered framed
 * output, raw framed input. Not thread-safe (the owning session's thread), except {@link #close()}.
 */
final class UpstreamWire implements AutoCloseable {
    private final Socket socket;
    private final Socket tcp;   // the TCP socket under TLS (the same as socket without)
    private final BackendFrameReader in;
    private final OutputStream out;
    private final WireOutput buffer = new WireOutput(8192);
    private final boolean tls;

    private UpstreamWire(Socket socket, Socket tcp, BackendFrameReader in, boolean tls) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.tls = tls;
    }

    /**
     * TCP connect, then SSLRequest and handshake unless the mode is {@code disable}. The socket is a
     * {@link SocketChannel}'s adaptor: it goes back to blocking mode after each timed connect or read, so a
     * statement's read that waits is one {@code read} call. A plain {@link Socket} stays non-blocking for good
     * after its first timed operation, and every such read becomes {@code read} (EAGAIN), {@code poll},
     * {@code read}.
     */
    static UpstreamWire open(UpstreamTarget target, Duration timeout) throws IOException, UpstreamException {
        Socket plain = SocketChannel.open().socket();
        try {
            plain.setTcpNoDelay(true);
            plain.setKeepAlive(true);
            plain.setSoTimeout((int) timeout.toMillis());
            plain.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            BackendFrameReader reader = new BackendFrameReader(plain.getInputStream());
            if (target.tlsMode() == TlsMode.DISABLE) {
                return new UpstreamWire(plain, plain, reader, false);
            }
            OutputStream raw = plain.getOutputStream();
            raw.write(SSLRequest.INSTANCE.toBytes());
            raw.flush();
            int answer = reader.readSslResponse();
            if (answer == 'S') {
                Socket tls = UpstreamTls.handshake(plain, target);
                reader.startTls(tls.getInputStream());
                return new UpstreamWire(tls, plain, reader, true);
            }
            if (answer == 'N' && target.tlsMode() == TlsMode.PREFER) {
                return new UpstreamWire(plain, plain, reader, false);
            }
            throw new UpstreamException("upstream does not offer TLS (answer " + answer + ") but mode is "
                    + target.tlsMode());
        } catch (IOException | UpstreamException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    boolean isTls() {
        return tls;
    }

    /** Buffers a message. */
    void send(FrontendMessage message) {
        message.encode(buffer);
    }

    void sendAndFlush(FrontendMessage message) throws IOException {
        send(message);
        flush();
    }

    void flush() throws IOException {
        buffer.writeTo(out);
        out.flush();
    }

    /** Next message, or null at end of stream. */
    RawMessage read() throws IOException {
        return in.read();
    }

    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    /** Closes the socket (any thread); a blocked read fails. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /**
     * From another thread: closes the TCP connection under any TLS, which fails a read blocked on it at once
     * (closing the TLS socket first would try to send close_notify).
     */
    void abort() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
