package dev.betweenrows.wire.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import dev.betweenrows.wire.codec.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256(-PLUS) exchange (RFC 5802/7677/5929), without I/O: client-first in,
 * server-first out; client-final in, server-final out (or empty when the proof is wrong). Works the same
 * for a real and a mock verifier, so failures look the same whatever their cause.
 * Messages the client gets wrong are protocol errors (08P01), as in PostgreSQL.
 */
final class ScramExchange {
    static final String MECHANISM = "SCRAM-SHA-256";
    static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
    static final String BINDING_TYPE = "tls-server-end-point";
    private static final ScramMechanism SHA256 = ScramMechanism.SCRAM_SHA_256;

    private final ScramVerifier verifier;
    private final SecureRandom random;
    private final boolean plusOffered;
    private final byte[] bindingData;
    private ScramMessages.ClientFirst clientFirst;
    private String serverFirst;
    private String nonce;

    /** SCRAM-SHA-256 selected; {@code plusOffered} whether -PLUS was advertised too (only ever with TLS). */
    ScramExchange(ScramVerifier verifier, SecureRandom random, boolean plusOffered) {
        this(verifier, random, plusOffered, null);
    }

    /**
     * @param bindingData the tls-server-end-point data when the client selected SCRAM-SHA-256-PLUS, else null
     *                    (then {@code plusOffered} says whether -PLUS was advertised)
     */
    ScramExchange(ScramVerifier verifier, SecureRandom random, boolean plusOffered, byte[] bindingData) {
        if (bindingData != null && !plusOffered) {
            throw new IllegalArgumentException("channel binding in use but -PLUS not offered");
        }
        this.verifier = verifier;
        this.random = random;
        this.plusOffered = plusOffered;
        this.bindingData = bindingData == null ? null : bindingData.clone();
    }

    byte[] serverFirst(byte[] clientFirstMessage) {
        if (clientFirst != null) {
            throw new IllegalStateException("client-first already processed");
        }
        clientFirst = ScramMessages.parseClientFirst(clientFirstMessage);
        checkBindingFlag();
        nonce = clientFirst.nonce() + ScramFunctions.nonce(24, random);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
                + ",i=" + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.US_ASCII);
    }

    /** The gs2 header must agree with the selected mechanism (PostgreSQL's read_client_first_message). */
    private void checkBindingFlag() {
        switch (clientFirst.cbindFlag()) {
            case 'p' -> {
                if (bindingData == null) {
                    throw ProtocolException.violation(plusOffered
                            ? "malformed SCRAM message: the client selected SCRAM-SHA-256 without channel binding,"
                                    + " but the SCRAM message includes channel binding data"
                            : "malformed SCRAM message: channel binding was not offered");
                }
                String type = clientFirst.gs2Header().substring(2, clientFirst.gs2Header().indexOf(','));
                if (!BINDING_TYPE.equals(type)) {
                    throw ProtocolException.violation("unsupported SCRAM channel-binding type \""
                            + (type.matches("[A-Za-z0-9.-]{1,40}") ? type : "?") + "\"");
                }
            }
            case 'y' -> {
                if (bindingData != null) {
                    throw selectedPlusWithoutBinding();
                }
                if (plusOffered) { // the client says we offered no binding, but we did: a downgrade attempt
                    throw new ProtocolException("28000", "SCRAM channel binding negotiation error");
                }
            }
            default -> {
                if (bindingData != null) {
                    throw selectedPlusWithoutBinding();
                }
            }
        }
    }

    /** The server-final message when the proof is right; empty when it is wrong. */
    Optional<byte[]> serverFinal(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw new IllegalStateException("no server-first sent");
        }
        ScramMessages.ClientFinal fin = ScramMessages.parseClientFinal(clientFinalMessage);
        if (!MessageDigest.isEqual(fin.channelBinding(), expectedChannelBinding())) {
            throw ProtocolException.violation(bindingData == null
                    ? "malformed SCRAM message: unexpected channel-binding data"
                    : "SCRAM channel binding check failed");
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

    /** c= is the gs2 header as sent, followed by the binding data when -PLUS is in use (RFC 5802 §7). */
    private byte[] expectedChannelBinding() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(clientFirst.gs2Header().getBytes(StandardCharsets.UTF_8));
        if (bindingData != null) {
            expected.writeBytes(bindingData);
        }
        return expected.toByteArray();
    }

    private static ProtocolException selectedPlusWithoutBinding() {
        return ProtocolException.violation("malformed SCRAM message: the client selected SCRAM-SHA-256-PLUS,"
                + " but the SCRAM message does not include channel binding data");
    }
}
