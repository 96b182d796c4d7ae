package dev.betweenrows.wire.auth;

import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.message.AuthenticationCleartextPassword;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.PasswordMessage;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authenticates a client against the proxy's own users: SCRAM-SHA-256, plus SCRAM-SHA-256-PLUS
 * (tls-server-end-point) over TLS; or, when the operator allows it, a cleartext password, and then only
 * over TLS, checked against the same stored SCRAM verifier. Unknown users, inactive users and users whose
 * stored verifier is unusable go through the same exchange with a mock verifier and fail with the same
 * FATAL 28P01 text, after the same messages. MD5 is never offered.
 */
public final class PasswordAuthenticator {
    private static final Logger LOG = Logger.getLogger(PasswordAuthenticator.class.getName());

    private final UserRepository users;
    private final SecureRandom random;
    private final MockVerifiers mocks;
    private final LoginThrottle throttle;
    private final boolean cleartextOverTls;

    /** @param serverFinal SCRAM's server-final message, sent only once the login has fully succeeded */
    private record Proof(boolean right, byte[] serverFinal) {}

    PasswordAuthenticator(UserRepository users, SecureRandom random, LoginThrottle throttle, boolean cleartextOverTls) {
        this.users = users;
        this.random = random;
        this.mocks = new MockVerifiers(random);
        this.throttle = throttle;
        this.cleartextOverTls = cleartextOverTls;
    }

    /** SCRAM only. */
    public PasswordAuthenticator(UserRepository users) {
        this(users, false);
    }

    /** @param cleartextOverTls ask TLS clients for their password in clear instead of running SCRAM */
    public PasswordAuthenticator(UserRepository users, boolean cleartextOverTls) {
        this(users, new SecureRandom(), LoginThrottle.defaults(), cleartextOverTls);
    }

    /** Runs the whole exchange for the user named in the startup packet. */
    public AuthOutcome authenticate(String username, AuthChannel channel) throws IOException {
        Optional<UserRecord> found = users.findByUsername(username);
        Optional<ScramVerifier> real = found.flatMap(u -> ScramVerifier.parse(u.passwordVerifier()));
        if (found.isPresent() && real.isEmpty()) {
            LOG.warning("user " + found.get().id() + " has no usable SCRAM verifier; login refused");
        }
        boolean canSucceed = real.isPresent() && found.get().active();
        ScramVerifier verifier = real.orElseGet(() -> mocks.forUser(username));
        Optional<Proof> proof = cleartextOverTls && channel.encrypted()
                ? cleartext(verifier, channel)
                : scram(verifier, channel);
        if (proof.isEmpty()) {
            return new AuthOutcome.Abandoned();
        }
        waitOutThrottle(username, channel.clientAddress());
        if (!proof.get().right() || !canSucceed) {
            throttle.failed(username, channel.clientAddress());
            return new AuthOutcome.Failed("28P01", "password authentication failed for user \"" + username + "\"");
        }
        throttle.succeeded(username, channel.clientAddress());
        if (proof.get().serverFinal() != null) {
            channel.send(new AuthenticationSASLFinal(proof.get().serverFinal())); // flushed with AuthenticationOk
        }
        return new AuthOutcome.Authenticated(found.get());
    }

    /** What the client proved; empty if it left mid-exchange. */
    private Optional<Proof> scram(ScramVerifier verifier, AuthChannel channel) throws IOException {
        Optional<byte[]> endPoint = channel.tlsServerEndPoint();
        List<String> mechanisms = endPoint.isPresent()
                ? List.of(ScramExchange.MECHANISM_PLUS, ScramExchange.MECHANISM) // preferred first, as PostgreSQL
                : List.of(ScramExchange.MECHANISM);
        channel.sendAndFlush(new AuthenticationSASL(mechanisms));
        FrontendMessage first = channel.receive(AuthPhase.SASL_INITIAL);
        if (first == null) {
            return Optional.empty();
        }
        SASLInitialResponse initial = (SASLInitialResponse) first;
        if (!mechanisms.contains(initial.mechanism())) {
            throw ProtocolException.violation("client selected an invalid SASL authentication mechanism");
        }
        if (initial.initialResponse() == null) {
            throw ProtocolException.violation("malformed SCRAM message: empty message");
        }
        byte[] binding = initial.mechanism().equals(ScramExchange.MECHANISM_PLUS) ? endPoint.get() : null;
        ScramExchange exchange = new ScramExchange(verifier, random, endPoint.isPresent(), binding);
        channel.sendAndFlush(new AuthenticationSASLContinue(exchange.serverFirst(initial.initialResponse())));
        FrontendMessage second = channel.receive(AuthPhase.SASL_CONTINUE);
        if (second == null) {
            return Optional.empty();
        }
        Optional<byte[]> serverFinal = exchange.serverFinal(((SASLResponse) second).data());
        return Optional.of(new Proof(serverFinal.isPresent(), serverFinal.orElse(null)));
    }

    /** Only ever called inside TLS: the password crosses the wire, encrypted, and is checked against the verifier. */
    private Optional<Proof> cleartext(ScramVerifier verifier, AuthChannel channel) throws IOException {
        if (!channel.encrypted()) {
            throw new IllegalStateException("cleartext password outside TLS");
        }
        channel.sendAndFlush(AuthenticationCleartextPassword.INSTANCE);
        FrontendMessage reply = channel.receive(AuthPhase.PASSWORD);
        if (reply == null) {
            return Optional.empty();
        }
        char[] password = ((PasswordMessage) reply).password().toCharArray();
        try {
            return Optional.of(new Proof(verifier.matchesPassword(password), null));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Applied after the proof is checked and before any answer, so a throttled guess learns nothing sooner. */
    private void waitOutThrottle(String username, String address) {
        Duration delay = throttle.delayFor(username, address);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
