package dev.betweenrows.wire.session;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import dev.betweenrows.wire.codec.BackendFrameReader;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A protocol client over a raw socket: sends exact bytes, decodes what the proxy answers. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final BackendFrameReader reader;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        reader = new BackendFrameReader(in);
    }

    /** Connects and logs in as alice on the test database; returns everything up to the first ReadyForQuery. */
    static RawClient loggedIn(int port) throws IOException {
        return loggedIn(port, ProxyFixture.DATABASE);
    }

    /** Connects and logs in as alice on {@code database}; returns once the first ReadyForQuery arrived. */
    static RawClient loggedIn(int port, String database) throws IOException {
        RawClient c = new RawClient(port);
        c.send(StartupMessage.v3(Map.of("user", "alice", "database", database)));
        List<BackendMessage> greeting = c.scram(ProxyFixture.PASSWORD);
        if (!(greeting.getLast() instanceof ReadyForQuery)) {
            throw new AssertionError("login failed: " + greeting);
        }
        return c;
    }

    void send(FrontendMessage m) throws IOException {
        sendBytes(m.toBytes());
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    BackendMessage read() throws IOException {
        RawMessage raw = reader.read();
        return raw == null ? null : BackendMessages.decode(raw);
    }

    int readByte() throws IOException {
        return in.read();
    }

    /** Messages up to and including ReadyForQuery or an ErrorResponse that ends the stream (then null-terminated). */
    List<BackendMessage> readUntilReady() throws IOException {
        List<BackendMessage> got = new ArrayList<>();
        while (true) {
            BackendMessage m = read();
            if (m == null) {
                return got;
            }
            got.add(m);
            if (m instanceof ReadyForQuery) {
                return got;
            }
        }
    }

    /** The SCRAM exchange after the StartupMessage; returns what follows the client-final (OK or FATAL...). */
    List<BackendMessage> scram(String password) throws IOException {
        BackendMessage sasl = read();
        if (sasl instanceof ErrorResponse) {
            return List.of(sasl);
        }
        ScramClient client = ScramClient.builder().advertisedMechanisms(List.of("SCRAM-SHA-256")).username("*")
                .password(password.toCharArray()).stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
        send(new SASLInitialResponse("SCRAM-SHA-256",
                client.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8)));
        AuthenticationSASLContinue cont = (AuthenticationSASLContinue) read();
        try {
            client.serverFirstMessage(new String(cont.data(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        send(new SASLResponse(client.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8)));
        List<BackendMessage> rest = readUntilReady();
        if (!rest.isEmpty() && rest.getFirst() instanceof AuthenticationSASLFinal fin) {
            try {
                client.serverFinalMessage(new String(fin.data(), StandardCharsets.UTF_8)); // checks the signature
            } catch (Exception e) {
                throw new AssertionError("bad server signature", e);
            }
        }
        return rest;
    }

    /** True when the proxy closed the connection (EOF before any further byte). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
