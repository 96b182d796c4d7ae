package dev.betweenrows.wire.auth;

import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.wire.codec.AuthPhase;
import dev.betweenrows.wire.codec.ProtocolException;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authenticates a client against the proxy's own users with SCRAM-SHA-256. Unknown users, inactive users
 * and users whose stored verifier is unusable go through the same exchange with a mock verifier and fail
 * with the same FATAL 28P01 text, after the same messages. No cleartext or MD5 is ever offered; with TLS
 * (a later step) SCRAM-SHA-256-PLUS joins the list.
 */
public final class PasswordAuthenticator {
    private static final Logger LOG = Logger.getLogger(PasswordAuthenticator.class.getName());

    private final UserRepository users;
    private final SecureRandom random;
    private final MockVerifiers mocks;
    private final LoginThrottle throttle;

    PasswordAuthenticator(UserRepository users, SecureRandom random, LoginThrottle throttle) {
        this.users = users;
        this.random = random;
        this.mocks = new MockVerifiers(random);
        this.throttle = throttle;
    }

    public PasswordAuthenticator(UserRepository users) {
        this(users, new SecureRandom(), LoginThrottle.defaults());
    }

    /** Runs the whole exchange for the user named in the startup packet. */
    public AuthOutcome authenticate(String username, AuthChannel channel) throws IOException {
        Optional<UserRecord> found = users.findByUsername(username);
        Optional<ScramVerifier> real = found.flatMap(u -> ScramVerifier.parse(u.passwordVerifier()));
        if (found.isPresent() && real.isEmpty()) {
            LOG.warning("user " + found.get().id() + " has no usable SCRAM verifier; login refused");
        }
        boolean canSucceed = real.isPresent() && found.get().active();
        ScramExchange exchange = new ScramExchange(real.orElseGet(() -> mocks.forUser(username)), random, false);

        channel.sendAndFlush(new AuthenticationSASL(List.of(ScramExchange.MECHANISM)));
        FrontendMessage first = channel.receive(AuthPhase.SASL_INITIAL);
        if (first == null) {
            return new AuthOutcome.Abandoned();
        }
        SASLInitialResponse initial = (SASLInitialResponse) first;
        if (!ScramExchange.MECHANISM.equals(initial.mechanism())) {
            throw ProtocolException.violation("client selected an invalid SASL authentication mechanism");
        }
        if (initial.initialResponse() == null) {
            throw ProtocolException.violation("malformed SCRAM message: empty message");
        }
        channel.sendAndFlush(new AuthenticationSASLContinue(exchange.serverFirst(initial.initialResponse())));
        FrontendMessage second = channel.receive(AuthPhase.SASL_CONTINUE);
        if (second == null) {
            return new AuthOutcome.Abandoned();
        }
        Optional<byte[]> serverFinal = exchange.serverFinal(((SASLResponse) second).data());
        waitOutThrottle(username, channel.clientAddress());
        if (serverFinal.isEmpty() || !canSucceed) {
            throttle.failed(username, channel.clientAddress());
            return new AuthOutcome.Failed("28P01", "password authentication failed for user \"" + username + "\"");
        }
        throttle.succeeded(username, channel.clientAddress());
        channel.send(new AuthenticationSASLFinal(serverFinal.get())); // flushed with AuthenticationOk
        return new AuthOutcome.Authenticated(found.get());
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
