package dev.betweenrows.wire.message;

/** The untyped packets that may open a connection (length + request code, no type byte). */
public sealed interface StartupPacket extends FrontendMessage
        permits StartupMessage, SSLRequest, GSSENCRequest, CancelRequest {

    /** Largest startup-phase packet accepted, length field included (PostgreSQL's MAX_STARTUP_PACKET_LENGTH). */
    int MAX_LENGTH = 10_000;
}
