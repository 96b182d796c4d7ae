package dev.betweenrows.wire;

import java.nio.file.Path;

/**
 * TLS on the client-facing side of the data plane.
 *
 * <p>With TLS on, an SSLRequest is answered {@code S} and SCRAM-SHA-256-PLUS (tls-server-end-point) is
 * offered next to SCRAM-SHA-256. The certificate comes from {@code certFile}/{@code keyFile} (PEM chain,
 * unencrypted PKCS#8 PEM key, RSA or EC) when both are given; otherwise a self-signed certificate is
 * generated once into {@code dataDir/tls/server.crt} and {@code dataDir/tls/server.key} (mode 0600) and
 * reused on every later start.
 *
 * @param enabled               false: SSLRequest is answered {@code N} and the connection stays plaintext
 * @param certFile              PEM certificate chain, leaf first; null to use the generated certificate
 * @param keyFile               PEM PKCS#8 private key of the leaf; null exactly when {@code certFile} is
 * @param dataDir               where the generated certificate lives; required when no files are given
 * @param allowCleartextOverTls TLS connections authenticate with AuthenticationCleartextPassword instead of
 *                              SCRAM (for clients without SCRAM); plaintext connections never do
 */
public record TlsOptions(boolean enabled, Path certFile, Path keyFile, Path dataDir, boolean allowCleartextOverTls) {
    private static final TlsOptions OFF = new TlsOptions(false, null, null, null, false);

    public TlsOptions {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("TLS certificate and key files must be given together");
        }
        if (enabled && certFile == null && dataDir == null) {
            throw new IllegalArgumentException("TLS needs certificate files or a data directory to generate one in");
        }
    }

    /** SSLRequest answered {@code N}. */
    public static TlsOptions off() {
        return OFF;
    }

    /** TLS with the operator's certificate chain and key (BR_TLS_CERT_FILE / BR_TLS_KEY_FILE). */
    public static TlsOptions fromFiles(Path certFile, Path keyFile) {
        return new TlsOptions(true, certFile, keyFile, null, false);
    }

    /** TLS with a self-signed certificate generated once under {@code dataDir/tls}. */
    public static TlsOptions selfSigned(Path dataDir) {
        return new TlsOptions(true, null, null, dataDir, false);
    }

    public TlsOptions withCleartextOverTls(boolean allow) {
        return new TlsOptions(enabled, certFile, keyFile, dataDir, allow);
    }
}
