package dev.betweenrows.wire.session;

import dev.betweenrows.wire.codec.FrameDecoder;
import dev.betweenrows.wire.message.CancelRequest;
import dev.betweenrows.wire.message.GSSENCRequest;
import dev.betweenrows.wire.message.NegotiateProtocolVersion;
import dev.betweenrows.wire.message.SSLRequest;
import dev.betweenrows.wire.message.StartupMessage;
import dev.betweenrows.wire.message.StartupPacket;
import dev.betweenrows.wire.tls.ServerTls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * The first packets of a connection (client-compat §1.1): encryption requests, a cancel request, or the
 * StartupMessage. Protocol 3.x with a minor version above 0, or with {@code _pq_.} options, gets a
 * NegotiateProtocolVersion (buffered; flushed with the authentication request) and continues as 3.0.
 * With TLS on, an SSLRequest is answered 'S' and the rest of the startup runs inside TLS.
 */
final class StartupNegotiation {
    /** Where a CancelRequest goes; the connection that carried it then closes without an answer. */
    interface CancelTarget {
        void cancel(int processId, int secretKey);
    }

    private StartupNegotiation() {}

    /** The StartupMessage (as 3.0, without {@code _pq_.} options), or null when the connection ends here. */
    static StartupMessage negotiate(FrameDecoder decoder, ClientChannel channel, CancelTarget cancels,
                                    Optional<ServerTls> tls) throws IOException {
        while (true) {
            StartupPacket packet = decoder.readStartupPacket();
            switch (packet) {
                case null -> {
                    return null;
                }
                case SSLRequest ssl -> {
                    if (tls.isPresent()) {
                        startTls(tls.get(), decoder, channel);
                    } else {
                        channel.sendByteAndFlush('N');
                    }
                }
                case GSSENCRequest gss -> channel.sendByteAndFlush('N');
                case CancelRequest cancel -> {
                    cancels.cancel(cancel.processId(), cancel.secretKey());
                    return null;
                }
                case StartupMessage startup -> {
                    return asVersion30(startup, channel);
                }
            }
        }
    }

    /**
     * 'S', then the handshake. Bytes the client sent after its SSLRequest and before the handshake were not
     * encrypted and may have been injected (CVE-2021-23214): the decoder refuses them (FATAL 08P01, sent in
     * plaintext like PostgreSQL's) before a single TLS byte is read.
     */
    private static void startTls(ServerTls tls, FrameDecoder decoder, ClientChannel channel) throws IOException {
        channel.sendByteAndFlush('S');
        SSLSocket tlsSocket = channel.layerTls(tls);
        decoder.startTls(tlsSocket.getInputStream());
        tlsSocket.startHandshake();
        channel.useTls(tlsSocket, tls.endPointBinding());
    }

    private static StartupMessage asVersion30(StartupMessage startup, ClientChannel channel) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> unknownOptions = new ArrayList<>();
        startup.parameters().forEach((name, value) -> {
            if (name.startsWith("_pq_.")) {
                unknownOptions.add(name); // we implement no protocol extension
            } else {
                kept.put(name, value);
            }
        });
        if (startup.minorVersion() > 0 || !unknownOptions.isEmpty()) {
            channel.send(new NegotiateProtocolVersion(0, unknownOptions));
        }
        return new StartupMessage(StartupMessage.PROTOCOL_3_0, kept);
    }
}
