package dev.betweenrows.wire.tls;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 5929 tls-server-end-point channel-binding data: the hash of the server certificate's DER, with the
 * hash of the certificate's signature algorithm, except that MD5 and SHA-1 become SHA-256. Certificates
 * whose signature has no single hash (Ed25519, ...) have no such binding, as in PostgreSQL.
 */
public final class EndPointBinding {
    private EndPointBinding() {}

    public static Optional<byte[]> of(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return Optional.empty();
        }
        try {
            Optional<String> hash = hashOf(x509);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(MessageDigest.getInstance(hash.get()).digest(x509.getEncoded()));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<String> hashOf(X509Certificate certificate) throws GeneralSecurityException {
        String name = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        if (name.equals("RSASSA-PSS")) {
            AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
            try {
                params.init(certificate.getSigAlgParams());
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("unreadable RSASSA-PSS parameters", e);
            }
            return digestName(params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm()
                    .toUpperCase(Locale.ROOT).replace("-", ""));
        }
        int with = name.indexOf("WITH");
        return with < 0 ? Optional.empty() : digestName(name.substring(0, with).replace("-", ""));
    }

    private static Optional<String> digestName(String compact) {
        return switch (compact) {
            case "MD5", "SHA1", "SHA224", "SHA256" -> Optional.of(compact.equals("SHA224") ? "SHA-224" : "SHA-256");
            case "SHA384" -> Optional.of("SHA-384");
            case "SHA512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }
}
