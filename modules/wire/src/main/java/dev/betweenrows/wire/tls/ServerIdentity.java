package dev.betweenrows.wire.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** The proxy's private key and its certificate chain, leaf first. */
record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
    ServerIdentity {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    X509Certificate leaf() {
        return chain.getFirst();
    }

    /** SHA-256 over the leaf's DER, colon-separated upper-case hex (as {@code openssl x509 -fingerprint}). */
    String fingerprint() throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** Fails when the key does not belong to the leaf certificate (two files from different pairs). */
    void requireMatchingKey() throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null; // RSASSA-PSS needs parameters; the handshake itself will catch a mismatch
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "betweenrows key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf().getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the TLS private key does not match the certificate");
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + leaf().getSubjectX500Principal() + ", <key redacted>]";
    }
}
