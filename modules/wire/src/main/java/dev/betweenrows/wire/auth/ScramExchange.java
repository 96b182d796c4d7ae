package dev.betweenrows.wire.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import dev.betweenrows.wire.codec.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802/7677), without I/O: client-first in,
 * server-first out; client-final in, server-final out (or empty when the proof is wrong). Works the same
 * for a real and a mock verifier, so failures look the same whatever their cause.
 * Messages the client gets wrong are protocol errors (08P01), as in PostgreSQL.
 */
final class ScramExchange {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final ScramMechanism SHA256 = ScramMechanism.SCRAM_SHA_256;

    private final ScramVerifier verifier;
    private final SecureRandom random;
    private final boolean plusOffered;
    private ScramMessages.ClientFirst clientFirst;
    private String serverFirst;
    private String nonce;

    /** @param plusOffered whether SCRAM-SHA-256-PLUS was advertised (only ever with TLS) */
    ScramExchange(ScramVerifier verifier, SecureRandom random, boolean plusOffered) {
        this.verifier = verifier;
        this.random = random;
        this.plusOffered = plusOffered;
    }

    byte[] serverFirst(byte[] clientFirstMessage) {
        if (clientFirst != null) {
            throw new IllegalStateException("client-first already processed");
        }
        clientFirst = ScramMessages.parseClientFirst(clientFirstMessage);
        switch (clientFirst.cbindFlag()) {
            case 'p' -> throw ProtocolException.violation("malformed SCRAM message: channel binding was not offered");
            case 'y' -> {
                if (plusOffered) { // the client says we offered no binding, but we did: a downgrade attempt
                    throw new ProtocolException("28000", "SCRAM channel binding negotiation error");
                }
            }
            default -> { }
        }
        nonce = clientFirst.nonce() + ScramFunctions.nonce(24, random);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
                + ",i=" + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.US_ASCII);
    }

    /** The server-final message when the proof is right; empty when it is wrong. */
    Optional<byte[]> serverFinal(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw new IllegalStateException("no server-first sent");
        }
        ScramMessages.ClientFinal fin = ScramMessages.parseClientFinal(clientFinalMessage);
        if (!MessageDigest.isEqual(fin.channelBinding(), clientFirst.gs2Header().getBytes(StandardCharsets.UTF_8))) {
            throw ProtocolException.violation("malformed SCRAM message: unexpected channel-binding data");
        }
        if (!fin.nonce().equals(nonce)) {
            throw ProtocolException.violation("malformed SCRAM message: nonce does not match");
        }
        String authMessage = clientFirst.bare() + "," + serverFirst + "," + fin.withoutProof();
        byte[] storedKey = verifier.storedKey();
        byte[] signature = ScramFunctions.clientSignature(SHA256, storedKey, authMessage);
        byte[] clientKey = fin.proof();
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= signature[i];
        }
        if (!MessageDigest.isEqual(ScramFunctions.hash(SHA256, clientKey), storedKey)) {
            return Optional.empty();
        }
        byte[] serverSignature = ScramFunctions.serverSignature(SHA256, verifier.serverKey(), authMessage);
        return Optional.of(("v=" + Base64.getEncoder().encodeToString(serverSignature))
                .getBytes(StandardCharsets.US_ASCII));
    }
}
