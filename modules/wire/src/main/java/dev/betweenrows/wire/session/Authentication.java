package dev.betweenrows.wire.session;

import dev.betweenrows.store.UserRecord;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.auth.AuthChannel;
import dev.betweenrows.wire.auth.AuthOutcome;
import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.codec.Frame;
import dev.betweenrows.wire.codec.FrameDecoder;
import dev.betweenrows.wire.codec.FrontendMessages;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.Terminate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AUTHENTICATING step: the SCRAM exchange over this connection, then the data-source check. Unknown,
 * inactive and not-granted data sources all end with the same FATAL 3D000, and only after a successful
 * login, so an unauthenticated client learns nothing about which data sources exist.
 */
final class Authentication implements AuthChannel {
    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    private final SessionServices services;
    private final FrameDecoder decoder;
    private final ClientChannel channel;
    private final String clientIp;

    Authentication(SessionServices services, FrameDecoder decoder, ClientChannel channel, Socket socket) {
        this.services = services;
        this.decoder = decoder;
        this.channel = channel;
        this.clientIp = ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress().getHostAddress();
    }

    /** The user, or empty when the client hung up; a failed login raises the FATAL SessionError. */
    Optional<UserRecord> authenticate(String username) throws IOException {
        AuthOutcome outcome = services.authenticator().authenticate(username, this);
        return switch (outcome) {
            case AuthOutcome.Authenticated ok -> Optional.of(ok.user());
            case AuthOutcome.Failed failed -> throw new SessionError(failed.sqlState(), failed.message());
            case AuthOutcome.Abandoned gone -> Optional.empty();
        };
    }

    DataSourceBinding bind(UserRecord user, String database) {
        Optional<DataSourceBinding> binding;
        try {
            binding = services.resolver().resolve(user, database);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "data-source resolution failed for user " + user.id(), e);
            binding = Optional.empty();
        }
        if (binding.isPresent() && !binding.get().user().userId().equals(user.id())) {
            LOG.warning("data-source resolver returned a binding for another user; refused");
            binding = Optional.empty();
        }
        return binding.orElseThrow(() -> SessionError.databaseDoesNotExist(database));
    }

    @Override
    public void send(BackendMessage message) {
        channel.send(message);
    }

    @Override
    public void flush() throws IOException {
        channel.flush();
    }

    @Override
    public FrontendMessage receive(AuthPhase phase) throws IOException {
        Frame frame = decoder.readFrame();
        if (frame == null) {
            return null;
        }
        FrontendMessage message = FrontendMessages.decode(frame, phase);
        return message instanceof Terminate ? null : message;
    }

    @Override
    public boolean encrypted() {
        return channel.encrypted();
    }

    @Override
    public Optional<byte[]> tlsServerEndPoint() {
        return channel.tlsServerEndPoint();
    }

    @Override
    public String clientAddress() {
        return clientIp;
    }
}
