package dev.betweenrows.wire.upstream;

import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.UpstreamTarget.TlsMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS towards the upstream, with libpq's sslmode semantics: {@code require}/{@code prefer} encrypt without
 * checking the certificate; {@code verify-ca} checks the chain against the configured CA (or the JDK trust
 * store); {@code verify-full} also checks that the certificate names the host.
 */
final class UpstreamTls {
    private UpstreamTls() {}

    /** Runs the handshake over the already-negotiated plain socket. */
    static SSLSocket handshake(Socket plain, UpstreamTarget target) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(target), null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), true);
            tls.setUseClientMode(true);
            if (target.tlsMode() == TlsMode.VERIFY_FULL) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
            }
            tls.startHandshake();
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(UpstreamTarget target) throws GeneralSecurityException, IOException {
        return switch (target.tlsMode()) {
            case VERIFY_CA, VERIFY_FULL -> verifying(target.caCertPem());
            case PREFER, REQUIRE -> new TrustManager[] {new EncryptOnly()};
            case DISABLE -> throw new IllegalStateException("TLS is disabled for this upstream");
        };
    }

    private static TrustManager[] verifying(String caPem) throws GeneralSecurityException, IOException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caPem == null || caPem.isBlank()) {
            factory.init((KeyStore) null); // the JDK's default CAs
            return factory.getTrustManagers();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        if (i == 0) {
            throw new GeneralSecurityException("no certificate in the configured CA");
        }
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** sslmode=require: encryption against passive eavesdropping only, as libpq does without a root cert. */
    private static final class EncryptOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // deliberately accepts any certificate: the mode asks for encryption, not authentication
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
