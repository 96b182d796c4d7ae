package dev.betweenrows.wire.codec;

import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.Close;
import dev.betweenrows.wire.message.CopyData;
import dev.betweenrows.wire.message.CopyDone;
import dev.betweenrows.wire.message.CopyFail;
import dev.betweenrows.wire.message.Describe;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.Flush;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.FunctionCall;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.PasswordMessage;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import dev.betweenrows.wire.message.Sync;
import dev.betweenrows.wire.message.Terminate;

/** Maps a client frame to its message record. Trailing bytes after the last field are a protocol error. */
public final class FrontendMessages {
    private FrontendMessages() {}

    /**
     * @param phase the authentication exchange in progress; while one is, only 'p' (and Terminate) may come,
     *              and it decodes to the reply that exchange expects
     */
    public static FrontendMessage decode(Frame frame, AuthPhase phase) {
        int type = frame.type();
        if (phase != AuthPhase.NONE && type != 'p' && type != 'X') {
            throw ProtocolException.violation("expected password response, got message type " + type);
        }
        WireInput in = frame.input();
        FrontendMessage message = switch (type) {
            case 'p' -> password(in, phase);
            case 'Q' -> Query.decode(in);
            case 'P' -> Parse.decode(in);
            case 'B' -> Bind.decode(in);
            case 'D' -> Describe.decode(in);
            case 'E' -> Execute.decode(in);
            case 'C' -> Close.decode(in);
            case 'S' -> Sync.INSTANCE;
            case 'H' -> Flush.INSTANCE;
            case 'X' -> Terminate.INSTANCE;
            case 'd' -> CopyData.decode(in);
            case 'c' -> CopyDone.INSTANCE;
            case 'f' -> CopyFail.decode(in);
            case 'F' -> FunctionCall.decode(in);
            default -> throw ProtocolException.violation("invalid frontend message type " + type);
        };
        in.expectEnd();
        return message;
    }

    private static FrontendMessage password(WireInput in, AuthPhase phase) {
        return switch (phase) {
            case PASSWORD -> PasswordMessage.decode(in);
            case SASL_INITIAL -> SASLInitialResponse.decode(in);
            case SASL_CONTINUE -> SASLResponse.decode(in);
            case NONE -> throw ProtocolException.violation("unexpected password message");
        };
    }
}
