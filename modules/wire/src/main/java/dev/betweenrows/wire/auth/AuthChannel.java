package dev.betweenrows.wire.auth;

import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.FrontendMessage;
import java.io.IOException;
import java.util.Optional;

/** The connection as the authentication exchange sees it. */
public interface AuthChannel {
    /** Buffers the message; nothing reaches the client before {@link #flush()}. */
    void send(BackendMessage message);

    void flush() throws IOException;

    /** Sends the message and flushes: the client waits for it before answering. */
    default void sendAndFlush(BackendMessage message) throws IOException {
        send(message);
        flush();
    }

    /** The client's next message, decoded for the exchange in progress; null when the client hung up. */
    FrontendMessage receive(AuthPhase phase) throws IOException;

    /** The client's IP address (no port), for throttling. */
    String clientAddress();

    /** True when the client talks to us through TLS (cleartext passwords are only ever asked for then). */
    default boolean encrypted() {
        return false;
    }

    /**
     * The RFC 5929 tls-server-end-point data of the certificate this connection presented; empty without TLS
     * (or for a certificate that has none). SCRAM-SHA-256-PLUS is offered exactly when it is present.
     */
    default Optional<byte[]> tlsServerEndPoint() {
        return Optional.empty();
    }
}
