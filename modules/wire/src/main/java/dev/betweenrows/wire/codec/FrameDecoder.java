package dev.betweenrows.wire.codec;

import dev.betweenrows.wire.message.CancelRequest;
import dev.betweenrows.wire.message.GSSENCRequest;
import dev.betweenrows.wire.message.SSLRequest;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.StartupPacket;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a client's byte stream into protocol units (blocking; one decoder per connection, one thread).
 * STARTUP: untyped packets (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage) up to 10 000 bytes.
 * MESSAGES: typed frames; the type is checked before the length is read, the length before any byte of
 * the body is, so neither an unknown type nor a huge announced size costs an allocation.
 * Any error leaves the decoder CLOSED: after one bad frame the stream cannot be trusted to be in sync.
 */
public final class FrameDecoder {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;
    /** Limit for messages that are never large (Sync, Execute, Describe, ...), as PostgreSQL does. */
    public static final int SMALL_MESSAGE_LIMIT = 10_000;
    /** Limit for password and SASL messages (PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH). */
    public static final int AUTH_MESSAGE_LIMIT = 65_535;

    public enum State { STARTUP, MESSAGES, CLOSED }

    private final FramedInput input;
    private final int maxMessageBytes;
    private State state = State.STARTUP;
    private boolean sslRequested;
    private boolean gssRequested;

    public FrameDecoder(InputStream in) {
        this(in, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** @param maxMessageBytes largest accepted length field (which counts itself) for large message types */
    public FrameDecoder(InputStream in, int maxMessageBytes) {
        if (maxMessageBytes < SMALL_MESSAGE_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes below " + SMALL_MESSAGE_LIMIT);
        }
        this.input = new FramedInput(in, "client");
        this.maxMessageBytes = maxMessageBytes;
    }

    public State state() {
        return state;
    }

    /**
     * Next startup-phase packet, or null if the client closed before sending one. A StartupMessage moves
     * the decoder to MESSAGES, a CancelRequest to CLOSED; SSL/GSS requests keep it in STARTUP (each may
     * come once).
     */
    public StartupPacket readStartupPacket() throws IOException {
        require(State.STARTUP);
        try {
            int first = input.readByteOrEof();
            if (first < 0) {
                state = State.CLOSED;
                return null;
            }
            byte[] rest = new byte[3];
            input.readFully(rest, 0, 3);
            int length = (first << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF);
            if (length < 8) {
                throw ProtocolException.violation("invalid length of startup packet");
            }
            if (length > StartupPacket.MAX_LENGTH) {
                throw new ProtocolException(SqlStates.PROGRAM_LIMIT_EXCEEDED, "startup packet too large");
            }
            WireInput body = WireInput.of(input.readBody(length - 4));
            return startupPacket(body.int32(), length, body);
        } catch (IOException | RuntimeException e) {
            state = State.CLOSED;
            throw e;
        }
    }

    private StartupPacket startupPacket(int code, int length, WireInput body) {
        switch (code) {
            case CancelRequest.CODE -> {
                exactLength(length, CancelRequest.LENGTH, "cancel request");
                state = State.CLOSED;
                return CancelRequest.decode(body);
            }
            case SSLRequest.CODE -> {
                exactLength(length, 8, "SSL request");
                if (sslRequested) {
                    throw ProtocolException.violation("duplicate SSL request");
                }
                sslRequested = true;
                return SSLRequest.INSTANCE;
            }
            case GSSENCRequest.CODE -> {
                exactLength(length, 8, "GSSAPI encryption request");
                if (gssRequested) {
                    throw ProtocolException.violation("duplicate GSSAPI encryption request");
                }
                gssRequested = true;
                return GSSENCRequest.INSTANCE;
            }
            default -> {
                if (code >>> 16 != 3) {
                    throw ProtocolException.violation("unsupported frontend protocol " + (code >>> 16) + "."
                            + (code & 0xFFFF) + ": server supports 3.0 to 3.0");
                }
                StartupMessage startup = StartupMessage.decode(code, body);
                state = State.MESSAGES;
                return startup;
            }
        }
    }

    /**
     * Continues on the TLS stream after answering 'S' to an SSLRequest. Refused if the client sent
     * anything after the SSLRequest before the handshake (it would otherwise be read as if encrypted).
     */
    public void startTls(InputStream tlsStream) {
        require(State.STARTUP);
        if (!sslRequested) {
            throw new IllegalStateException("no SSLRequest was received");
        }
        try {
            input.switchTo(tlsStream);
        } catch (ProtocolException e) {
            state = State.CLOSED;
            throw e;
        }
    }

    /** Next typed message, or null when the client closed the connection at a message boundary. */
    public Frame readFrame() throws IOException {
        require(State.MESSAGES);
        try {
            int type = input.readByteOrEof();
            if (type < 0) {
                state = State.CLOSED;
                return null;
            }
            int limit = limitFor(type);
            int length = input.readInt32();
            if (length < 4) {
                throw ProtocolException.violation("invalid message length");
            }
            if (length > limit) {
                throw new ProtocolException(SqlStates.PROGRAM_LIMIT_EXCEEDED,
                        "message of type '" + (char) type + "' too large: " + length + " bytes, limit " + limit);
            }
            return new Frame((byte) type, input.readBody(length - 4));
        } catch (IOException | RuntimeException e) {
            state = State.CLOSED;
            throw e;
        }
    }

    /** Unknown types are refused here, before their length is even read. */
    private int limitFor(int type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'F', 'd' -> maxMessageBytes;
            case 'p' -> Math.min(AUTH_MESSAGE_LIMIT, maxMessageBytes);
            case 'C', 'D', 'E', 'H', 'S', 'X', 'c', 'f' -> SMALL_MESSAGE_LIMIT;
            default -> throw ProtocolException.violation("invalid frontend message type " + type);
        };
    }

    private static void exactLength(int length, int expected, String what) {
        if (length != expected) {
            throw ProtocolException.violation("invalid length of " + what);
        }
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("decoder is " + state + ", not " + expected);
        }
    }
}
