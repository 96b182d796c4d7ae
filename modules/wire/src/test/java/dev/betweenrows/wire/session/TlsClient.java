package dev.betweenrows.wire.session;

import dev.betweenrows.wire.codec.BackendFrameReader;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.SSLRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A raw protocol client inside TLS: SSLRequest, 'S', a JSSE handshake that trusts only the given certificate,
 * then exact messages. Also computes the tls-server-end-point binding on its own (SHA-256 of the DER, the
 * rule for the generated SHA256withECDSA certificate), independently of the server's code.
 */
final class TlsClient implements AutoCloseable {
    final SSLSocket socket;
    private final OutputStream out;
    private final BackendFrameReader reader;

    private TlsClient(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new BackendFrameReader(socket.getInputStream());
    }

    static TlsClient connect(int port, Path trustedCert) throws IOException, GeneralSecurityException {
        Socket plain = new Socket("127.0.0.1", port);
        plain.setSoTimeout(10_000);
        plain.getOutputStream().write(SSLRequest.INSTANCE.toBytes());
        int answer = plain.getInputStream().read();
        if (answer != 'S') {
            plain.close();
            throw new AssertionError("expected 'S', got " + answer);
        }
        SSLSocket tls = (SSLSocket) context(trustedCert).getSocketFactory()
                .createSocket(plain, "localhost", port, true);
        tls.startHandshake();
        return new TlsClient(tls);
    }

    static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static SSLContext context(Path trustedCert) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("proxy", certificate(trustedCert));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** SHA-256 over the DER of the certificate the server presented in this handshake. */
    byte[] serverEndPoint() throws IOException, GeneralSecurityException {
        X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return MessageDigest.getInstance("SHA-256").digest(peer.getEncoded());
    }

    void send(FrontendMessage m) throws IOException {
        out.write(m.toBytes());
        out.flush();
    }

    BackendMessage read() throws IOException {
        RawMessage raw = reader.read();
        return raw == null ? null : BackendMessages.decode(raw);
    }

    /** True when the server ended the connection (EOF, reset or TLS close) before sending anything more. */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
