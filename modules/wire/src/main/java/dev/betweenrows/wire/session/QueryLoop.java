package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.codec.Frame;
import dev.betweenrows.wire.codec.FrameDecoder;
import dev.betweenrows.wire.codec.FrontendMessages;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.Close;
import dev.betweenrows.wire.message.CopyData;
import dev.betweenrows.wire.message.CopyDone;
import dev.betweenrows.wire.message.CopyFail;
import dev.betweenrows.wire.message.Describe;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.Flush;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.FunctionCall;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.PasswordMessage;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import dev.betweenrows.wire.message.StartupPacket;
import dev.betweenrows.wire.message.Sync;
import dev.betweenrows.wire.message.Terminate;
import dev.betweenrows.wire.message.TransactionStatus;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The authenticated session's message loop (READY ⇄ IN_QUERY). Simple queries go through the guard; without an
 * upstream the extended protocol's first message of a batch gets 0A000 and the rest is skipped until Sync,
 * exactly as PostgreSQL skips after an error. Output is flushed after ReadyForQuery
 * only. Returns on Terminate or end of stream; a malformed message raises ProtocolException (FATAL). The idle
 * timeout is not a read timeout: the timer thread ends sessions READY for too long ({@link LiveSessions#endIdle}).
 */
final class QueryLoop {
    private final FrameDecoder decoder;
    private final ClientChannel channel;
    private final SimpleQueryHandler queries;
    private final Supplier<GuardSession> session;
    private final Consumer<ConnectionState> state;
    private final Supplier<TransactionStatus> transaction;
    private final ExtendedQueryHandler extended; // null: no upstream, the extended protocol is refused
    private final Runnable beforeStatement;
    private boolean skippingToSync;

    /**
     * @param transaction     the pinned upstream session's status, reported in every ReadyForQuery
     * @param beforeStatement runs before every Query and Parse (the binding refresh; throws SessionError to end)
     */
    QueryLoop(FrameDecoder decoder, ClientChannel channel, SimpleQueryHandler queries,
              Supplier<GuardSession> session, Consumer<ConnectionState> state,
              Supplier<TransactionStatus> transaction, ExtendedQueryHandler extended, Runnable beforeStatement) {
        this.beforeStatement = beforeStatement;
        this.decoder = decoder;
        this.channel = channel;
        this.queries = queries;
        this.session = session;
        this.state = state;
        this.transaction = transaction;
        this.extended = extended;
    }

    void run() throws IOException {
        while (true) {
            FrontendMessage message = next();
            if (message == null || message instanceof Terminate) {
                return;
            }
            state.accept(ConnectionState.IN_QUERY);
            handle(message);
            state.accept(ConnectionState.READY);
        }
    }

    private FrontendMessage next() throws IOException {
        Frame frame = decoder.readFrame();
        return frame == null ? null : FrontendMessages.decode(frame, AuthPhase.NONE);
    }

    private void handle(FrontendMessage message) throws IOException {
        switch (message) {
            case Query q -> {
                beforeStatement.run();
                if (extended != null) {
                    extended.beforeSimpleQuery(channel);
                }
                queries.handle(q.sql(), session.get(), channel);
                readyForQuery();
            }
            case Parse p -> {
                beforeStatement.run();
                extended(p);
            }
            case Bind b -> extended(b);
            case Describe d -> extended(d);
            case Execute e -> extended(e);
            case Close c -> extended(c);
            case Flush f -> {
                if (extended != null) {
                    extended.flush(channel);
                } else {
                    channel.flush();
                }
            }
            case Sync s -> {
                if (extended != null) {
                    extended.sync(channel);
                }
                skippingToSync = false;
                readyForQuery();
            }
            case FunctionCall f -> {
                channel.send(notSupported("function calls are not supported"));
                readyForQuery();
            }
            // PostgreSQL ignores copy messages outside COPY (a COPY may have ended with an error)
            case CopyData d -> { }
            case CopyDone d -> { }
            case CopyFail f -> { }
            case Terminate t -> { }
            // FrontendMessages never yields these with AuthPhase.NONE; listed so the switch stays exhaustive
            case StartupPacket p -> throw new IllegalStateException("startup packet after startup");
            case PasswordMessage p -> throw new IllegalStateException("password message after authentication");
            case SASLInitialResponse r -> throw new IllegalStateException("SASL message after authentication");
            case SASLResponse r -> throw new IllegalStateException("SASL message after authentication");
        }
    }

    private void extended(FrontendMessage message) throws IOException {
        if (extended != null) {
            extended.handle(message, session.get(), channel);
            return;
        }
        if (!skippingToSync) {
            channel.send(notSupported("extended query protocol is not supported yet"));
            skippingToSync = true;
        }
    }

    /** The session is idle before the client can know it: the admin plane never lists it busy after that. */
    private void readyForQuery() throws IOException {
        channel.send(ReadyForQuery.of(transaction.get()));
        state.accept(ConnectionState.READY);
        channel.flush();
    }

    private static ErrorResponse notSupported(String message) {
        return ErrorResponse.error("ERROR", "0A000", message);
    }
}
