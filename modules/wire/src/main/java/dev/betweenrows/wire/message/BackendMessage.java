package dev.betweenrows.wire.message;

/** Sent by a server (the proxy to its clients, or the upstream server to the proxy). */
public sealed interface BackendMessage extends WireMessage
        permits AuthenticationOk, AuthenticationCleartextPassword, AuthenticationMD5Password, AuthenticationSASL,
        AuthenticationSASLContinue, AuthenticationSASLFinal, ParameterStatus, BackendKeyData, ReadyForQuery,
        RowDescription, DataRow, CommandComplete, EmptyQueryResponse, ErrorResponse, NoticeResponse,
        ParseComplete, BindComplete, CloseComplete, NoData, ParameterDescription, PortalSuspended,
        NegotiateProtocolVersion {
}
