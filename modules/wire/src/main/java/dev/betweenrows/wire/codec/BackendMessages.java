package dev.betweenrows.wire.codec;

import dev.betweenrows.wire.message.AuthenticationCleartextPassword;
import dev.betweenrows.wire.message.AuthenticationMD5Password;
import dev.betweenrows.wire.message.AuthenticationOk;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.BackendKeyData;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.BindComplete;
import dev.betweenrows.wire.message.CloseComplete;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.EmptyQueryResponse;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.NegotiateProtocolVersion;
import dev.betweenrows.wire.message.NoData;
import dev.betweenrows.wire.message.NoticeResponse;
import dev.betweenrows.wire.message.ParameterDescription;
import dev.betweenrows.wire.message.ParameterStatus;
import dev.betweenrows.wire.message.ParseComplete;
import dev.betweenrows.wire.message.PortalSuspended;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.RowDescription;

/**
 * Decodes an upstream message the proxy has to inspect. Types it never expects (COPY, notifications,
 * GSS/SSPI authentication) are protocol errors; the session turns them into a scrubbed 08006/08P01 error.
 */
public final class BackendMessages {
    private BackendMessages() {}

    public static BackendMessage decode(RawMessage raw) {
        WireInput in = raw.payload();
        int type = raw.type();
        BackendMessage message = switch (type) {
            case 'R' -> authentication(in);
            case 'S' -> ParameterStatus.decode(in);
            case 'K' -> BackendKeyData.decode(in);
            case 'Z' -> ReadyForQuery.decode(in);
            case 'T' -> RowDescription.decode(in);
            case 'D' -> DataRow.decode(in);
            case 'C' -> CommandComplete.decode(in);
            case 'I' -> EmptyQueryResponse.INSTANCE;
            case 'E' -> ErrorResponse.decode(in);
            case 'N' -> NoticeResponse.decode(in);
            case '1' -> ParseComplete.INSTANCE;
            case '2' -> BindComplete.INSTANCE;
            case '3' -> CloseComplete.INSTANCE;
            case 'n' -> NoData.INSTANCE;
            case 't' -> ParameterDescription.decode(in);
            case 's' -> PortalSuspended.INSTANCE;
            case 'v' -> NegotiateProtocolVersion.decode(in);
            default -> throw ProtocolException.violation("unexpected message type " + type + " from server");
        };
        in.expectEnd();
        return message;
    }

    private static BackendMessage authentication(WireInput in) {
        int code = in.int32();
        return switch (code) {
            case AuthenticationOk.CODE -> AuthenticationOk.INSTANCE;
            case AuthenticationCleartextPassword.CODE -> AuthenticationCleartextPassword.INSTANCE;
            case AuthenticationMD5Password.CODE -> AuthenticationMD5Password.decode(in);
            case AuthenticationSASL.CODE -> AuthenticationSASL.decode(in);
            case AuthenticationSASLContinue.CODE -> AuthenticationSASLContinue.decode(in);
            case AuthenticationSASLFinal.CODE -> AuthenticationSASLFinal.decode(in);
            default -> throw ProtocolException.violation("unsupported authentication request " + code);
        };
    }
}
