package dev.betweenrows.wire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.wire.codec.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256-PLUS (tls-server-end-point) and cleartext checks against the reference SCRAM client. */
class ScramPlusTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD = "s3cret-password";
    private static final ScramVerifier VERIFIER =
            ScramVerifier.parse(Passwords.scramVerifier(PASSWORD.toCharArray())).orElseThrow();
    private static final byte[] BINDING = new byte[32];

    static {
        Arrays.fill(BINDING, (byte) 7);
    }

    private static ScramClient plusClient(byte[] binding) {
        return ScramClient.builder().advertisedMechanisms(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"))
                .username("*").password(PASSWORD.toCharArray())
                .channelBinding("tls-server-end-point", binding)
                .stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
    }

    private static byte[] utf8(Object o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> run(ScramClient c, ScramExchange server) throws Exception {
        return run(c, c.clientFirstMessage().toString(), server);
    }

    private static Optional<byte[]> run(ScramClient c, String clientFirst, ScramExchange server) throws Exception {
        c.serverFirstMessage(new String(server.serverFirst(utf8(clientFirst)), StandardCharsets.US_ASCII));
        Optional<byte[]> fin = server.serverFinal(utf8(c.clientFinalMessage()));
        if (fin.isPresent()) {
            c.serverFinalMessage(new String(fin.get(), StandardCharsets.US_ASCII));
        }
        return fin;
    }

    @Test
    void plusWithTheServersBindingDataSucceeds() throws Exception {
        ScramClient c = plusClient(BINDING);
        assertEquals("SCRAM-SHA-256-PLUS", c.getScramMechanism().getName());
        String first = c.clientFirstMessage().toString();
        assertTrue(first.startsWith("p=tls-server-end-point,,"), first);
        assertTrue(run(c, first, new ScramExchange(VERIFIER, RANDOM, true, BINDING)).isPresent());
    }

    @Test
    void plusWithOtherBindingDataIsRefused() {
        byte[] other = BINDING.clone();
        other[31] ^= 1; // a certificate other than ours: a man in the middle terminated TLS
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> run(plusClient(other), new ScramExchange(VERIFIER, RANDOM, true, BINDING)));
        assertEquals("08P01", e.sqlState());
        assertEquals("SCRAM channel binding check failed", e.getMessage());
    }

    @Test
    void gs2FlagMustAgreeWithTheSelectedMechanism() {
        // selected -PLUS but sent no binding
        for (String first : List.of("n,,n=,r=abcdef", "y,,n=,r=abcdef")) {
            assertEquals("08P01", assertThrows(ProtocolException.class,
                    () -> new ScramExchange(VERIFIER, RANDOM, true, BINDING).serverFirst(utf8(first))).sqlState());
        }
        // selected plain SCRAM-SHA-256 but sent binding
        assertEquals("08P01", assertThrows(ProtocolException.class, () -> new ScramExchange(VERIFIER, RANDOM, true)
                .serverFirst(utf8("p=tls-server-end-point,,n=,r=abcdef"))).sqlState());
        // an unknown binding type
        ProtocolException unique = assertThrows(ProtocolException.class,
                () -> new ScramExchange(VERIFIER, RANDOM, true, BINDING).serverFirst(utf8("p=tls-unique,,n=,r=abc")));
        assertEquals("unsupported SCRAM channel-binding type \"tls-unique\"", unique.getMessage());
        // 'y' while -PLUS was offered: downgrade
        assertEquals("28000", assertThrows(ProtocolException.class,
                () -> new ScramExchange(VERIFIER, RANDOM, true).serverFirst(utf8("y,,n=,r=abcdef"))).sqlState());
    }

    @Test
    void plainScramStillWorksWhenPlusWasOfferedIfTheClientSaysNo() throws Exception {
        ScramClient c = ScramClient.builder().advertisedMechanisms(List.of("SCRAM-SHA-256")).username("*")
                .password(PASSWORD.toCharArray()).stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
        String first = c.clientFirstMessage().toString();
        assertTrue(first.startsWith("n,,"), first);
        assertTrue(run(c, first, new ScramExchange(VERIFIER, RANDOM, true)).isPresent());
    }

    @Test
    void cleartextPasswordIsCheckedAgainstTheVerifier() {
        assertTrue(VERIFIER.matchesPassword(PASSWORD.toCharArray()));
        assertFalse(VERIFIER.matchesPassword("s3cret-passwore".toCharArray()));
        assertFalse(VERIFIER.matchesPassword(new char[0]));
        assertFalse(new MockVerifiers(RANDOM).forUser("nobody").matchesPassword(PASSWORD.toCharArray()));
    }
}
