package dev.betweenrows.wire.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM against the reference client library (the one pgjdbc uses). */
class ScramExchangeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ScramVerifier VERIFIER =
            ScramVerifier.parse(Passwords.scramVerifier("s3cret-password".toCharArray())).orElseThrow();

    private static ScramClient client(String password) {
        return ScramClient.builder().advertisedMechanisms(List.of("SCRAM-SHA-256")).username("*")
                .password(password.toCharArray()).stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
    }

    private static byte[] utf8(Object o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> run(ScramVerifier verifier, String password) throws Exception {
        ScramClient c = client(password);
        ScramExchange server = new ScramExchange(verifier, RANDOM, false);
        byte[] first = server.serverFirst(utf8(c.clientFirstMessage()));
        c.serverFirstMessage(new String(first, StandardCharsets.US_ASCII));
        Optional<byte[]> fin = server.serverFinal(utf8(c.clientFinalMessage()));
        if (fin.isPresent()) {
            c.serverFinalMessage(new String(fin.get(), StandardCharsets.US_ASCII)); // throws on a bad signature
        }
        return fin;
    }

    @Test
    void rightPasswordSucceedsAndTheServerSignatureVerifies() throws Exception {
        assertTrue(run(VERIFIER, "s3cret-password").isPresent());
    }

    @Test
    void wrongPasswordFails() throws Exception {
        assertFalse(run(VERIFIER, "s3cret-passwore").isPresent());
    }

    @Test
    void mockVerifierNeverAcceptsAndKeepsItsSaltPerUser() throws Exception {
        MockVerifiers mocks = new MockVerifiers(RANDOM);
        assertFalse(run(mocks.forUser("nobody"), "s3cret-password").isPresent());
        assertArrayEquals(mocks.forUser("nobody").salt(), mocks.forUser("nobody").salt());
        assertFalse(java.util.Arrays.equals(mocks.forUser("nobody").salt(), mocks.forUser("nobody2").salt()));
        assertEquals(VERIFIER.salt().length, mocks.forUser("nobody").salt().length);
        assertEquals(VERIFIER.iterations(), mocks.forUser("nobody").iterations());
        assertFalse(java.util.Arrays.equals(mocks.forUser("x").salt(), new MockVerifiers(RANDOM).forUser("x").salt()),
                "the key is per process (per instance), not a constant");
    }

    @Test
    void channelBindingIsRefusedWhenNotOffered() {
        ScramExchange server = new ScramExchange(VERIFIER, RANDOM, false);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> server.serverFirst(utf8("p=tls-server-end-point,,n=,r=abcdef")));
        assertEquals("08P01", e.sqlState());
    }

    @Test
    void clientSayingYesIsADowngradeOnlyWhenPlusWasOffered() {
        assertTrue(new String(new ScramExchange(VERIFIER, RANDOM, false).serverFirst(utf8("y,,n=,r=abcdef")),
                StandardCharsets.US_ASCII).startsWith("r=abcdef"));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new ScramExchange(VERIFIER, RANDOM, true).serverFirst(utf8("y,,n=,r=abcdef")));
        assertEquals("28000", e.sqlState());
    }

    @Test
    void malformedAndTamperedMessagesAreProtocolErrors() throws Exception {
        for (String bad : List.of("", "x,,n=,r=a", "n,n=,r=a", "n,,r=abc", "n,,n=,r=", "n,,n=,r=a b")) {
            assertEquals("08P01", assertThrows(ProtocolException.class,
                    () -> new ScramExchange(VERIFIER, RANDOM, false).serverFirst(utf8(bad))).sqlState(), bad);
        }
        assertEquals("0A000", assertThrows(ProtocolException.class,
                () -> new ScramExchange(VERIFIER, RANDOM, false).serverFirst(utf8("n,a=bob,n=,r=abc"))).sqlState());

        ScramClient c = client("s3cret-password");
        ScramExchange server = new ScramExchange(VERIFIER, RANDOM, false);
        c.serverFirstMessage(new String(server.serverFirst(utf8(c.clientFirstMessage())), StandardCharsets.US_ASCII));
        String fin = c.clientFinalMessage().toString();
        String otherNonce = fin.replaceFirst(",r=([^,]*)", ",r=$1x");
        assertEquals("08P01", assertThrows(ProtocolException.class,
                () -> server.serverFinal(utf8(otherNonce))).sqlState());
        String otherBinding = fin.replaceFirst("^c=biws", "c=eSws"); // "y,," instead of "n,,"
        assertEquals("08P01", assertThrows(ProtocolException.class,
                () -> server.serverFinal(utf8(otherBinding))).sqlState());
        assertTrue(server.serverFinal(utf8(fin)).isPresent(), "the untampered message still verifies");
    }

    @Test
    void verifierParsingRejectsAnythingElse() {
        assertTrue(ScramVerifier.parse("md5abcdef").isEmpty());
        assertTrue(ScramVerifier.parse(null).isEmpty());
        assertTrue(ScramVerifier.parse("SCRAM-SHA-256$4096:c2FsdA==$AAAA:AAAA").isEmpty()); // keys too short
        assertEquals(4096, VERIFIER.iterations());
    }
}
