package dev.betweenrows.wire.session;

import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.ColumnOrigins;
import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.CopyFail;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.NoticeResponse;
import dev.betweenrows.wire.message.ParameterStatus;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.upstream.ErrorScrubber;
import dev.betweenrows.wire.upstream.UpstreamConnection;
import dev.betweenrows.wire.upstream.UpstreamException;
import java.io.IOException;
import java.util.Set;

/**
 * Relays upstream responses to the client. Result messages (RowDescription, DataRow, CommandComplete, ...)
 * go through as the upstream's bytes, never decoded, except that a RowDescription's table OIDs and attnums
 * are zeroed ({@link ColumnOrigins}); errors and notices are scrubbed; ParameterStatus is
 * relayed only for the settings clients may change. Output is flushed whenever 64 KiB are buffered, so a
 * result of any size streams through in constant memory.
 */
final class ResultRelay {
    static final int FLUSH_BYTES = 64 * 1024;
    /** Reported settings whose upstream value the client may see; the rest (role, version, ...) stay hidden. */
    private static final Set<String> RELAYED_SETTINGS = Set.of("client_encoding", "DateStyle", "IntervalStyle",
            "TimeZone", "standard_conforming_strings");

    private final UpstreamConnection upstream;
    private final SessionSettings settings;

    ResultRelay(UpstreamConnection upstream, SessionSettings settings) {
        this.upstream = upstream;
        this.settings = settings;
    }

    /** Relays everything up to ReadyForQuery (not included); records the transaction status. */
    void untilReady(ClientChannel channel, String sentSql) throws IOException {
        relay(channel, sentSql, true);
    }

    /** Relays only ParameterStatus up to ReadyForQuery (internal statements); errors are logged away. */
    void settingsOnly(ClientChannel channel) throws IOException {
        relay(channel, null, false);
    }

    /**
     * Relays exactly one upstream message and returns its type: the extended protocol knows how many
     * responses each forwarded message produces.
     */
    int one(ClientChannel channel, String sentSql) throws IOException {
        return one(channel, sentSql, true);
    }

    /** As {@link #one(ClientChannel, String)}; {@code results} false reads the response and drops it. */
    int one(ClientChannel channel, String sentSql, boolean results) throws IOException {
        RawMessage m = next();
        handle(m, channel, sentSql, results);
        return m.type();
    }

    private void relay(ClientChannel channel, String sentSql, boolean results) throws IOException {
        while (true) {
            RawMessage m = next();
            if (m.type() == 'Z') {
                upstream.status(((ReadyForQuery) BackendMessages.decode(m)).status());
                return;
            }
            handle(m, channel, sentSql, results);
        }
    }

    private RawMessage next() {
        try {
            RawMessage m = upstream.read();
            if (m == null) {
                throw lost(upstream);
            }
            return m;
        } catch (IOException | ProtocolException e) {
            throw lost(upstream);
        }
    }

    private void handle(RawMessage m, ClientChannel channel, String sentSql, boolean results) throws IOException {
        switch (m.type()) {
            case 'E' -> error(m, channel, sentSql, results);
            case 'N' -> {
                if (results) {
                    NoticeResponse n = (NoticeResponse) BackendMessages.decode(m);
                    channel.send(new NoticeResponse(ErrorScrubber.scrub(n.fields(), sentSql)));
                }
            }
            case 'S' -> parameterStatus(m, channel);
            case 'Z' -> upstream.status(((ReadyForQuery) BackendMessages.decode(m)).status());
            case 'A' -> { } // notifications: LISTEN is never forwarded; drop stray ones
            case 'G' -> { // COPY FROM STDIN slipped through: end it upstream, the client sees the error
                upstream.send(new CopyFail("COPY FROM STDIN is not supported by the proxy"));
                flushUpstream();
            }
            case 'T' -> {
                if (results) {
                    channel.sendRaw(hidden(m)); // upstream table OIDs and attnums never reach the client
                }
            }
            case 'D', 'C', 'I', '1', '2', '3', 'n', 't', 's', 'H', 'd', 'c' -> {
                if (results) {
                    channel.sendRaw(m);
                }
            }
            default -> {
                upstream.markBroken();
                throw lost(upstream);
            }
        }
        // a statement's final message stays buffered until its audit record is written (see StatementAudit)
        if (channel.buffered() >= FLUSH_BYTES && !isCompletion(m.type())) {
            clientFlush(channel);
        }
    }

    private RawMessage hidden(RawMessage rowDescription) {
        try {
            return ColumnOrigins.hidden(rowDescription);
        } catch (ProtocolException e) {
            throw lost(upstream);
        }
    }

    private static boolean isCompletion(int type) {
        return type == 'C' || type == 'I' || type == 's';
    }

    private void error(RawMessage m, ClientChannel channel, String sentSql, boolean results) {
        ErrorResponse e = (ErrorResponse) BackendMessages.decode(m);
        ErrorResponse scrubbed = new ErrorResponse(ErrorScrubber.scrub(e.fields(), sentSql));
        String severity = e.severity();
        if ("FATAL".equals(severity) || "PANIC".equals(severity)) {
            upstream.markBroken(); // the upstream session is ending: so does the client's
            throw new SessionError(scrubbed.sqlState(), scrubbed.message());
        }
        if (results) {
            channel.sendUpstreamError(scrubbed);
        }
    }

    private void parameterStatus(RawMessage m, ClientChannel channel) {
        ParameterStatus p = (ParameterStatus) BackendMessages.decode(m);
        if (RELAYED_SETTINGS.contains(p.name()) && settings.get(p.name()).isPresent()) {
            settings.set(p.name(), p.value()).ifPresent(channel::send);
        }
    }

    private void clientFlush(ClientChannel channel) throws IOException {
        try {
            channel.flush();
        } catch (IOException e) {
            upstream.markBroken(); // a result is still in flight upstream: this session cannot be reused
            throw e;
        }
    }

    private void flushUpstream() {
        try {
            upstream.flush();
        } catch (IOException e) {
            throw lost(upstream);
        }
    }

    static SessionError lost(UpstreamConnection upstream) {
        upstream.markBroken();
        return new SessionError(UpstreamException.SQLSTATE, "lost connection to the data source");
    }
}
