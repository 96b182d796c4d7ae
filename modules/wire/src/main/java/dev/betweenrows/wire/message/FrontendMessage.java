package dev.betweenrows.wire.message;

/** Sent by a client (the proxy's clients, or the proxy itself to the upstream server). */
public sealed interface FrontendMessage extends WireMessage
        permits StartupPacket, PasswordMessage, SASLInitialResponse, SASLResponse, Query, Parse, Bind,
        Describe, Execute, Sync, Flush, Close, Terminate, CopyData, CopyDone, CopyFail, FunctionCall {
}
