package dev.betweenrows.wire.auth;

import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.FrontendMessage;
import java.io.IOException;

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
}
