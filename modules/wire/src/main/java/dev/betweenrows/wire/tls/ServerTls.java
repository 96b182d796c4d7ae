package dev.betweenrows.wire.tls;

import dev.betweenrows.wire.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The data plane's TLS server side: TLS 1.3 and 1.2 only, ALPN "postgresql" (what libpq 17 offers), no
 * client certificates. A connection is upgraded by layering an SSLSocket over the accepted socket; the
 * handshake runs when the caller starts it, so the caller can first check that no plaintext was read ahead.
 */
public final class ServerTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    public static final String ALPN = "postgresql";

    private final SSLContext context;
    private final byte[] endPointBinding; // null: no tls-server-end-point for this certificate

    private ServerTls(SSLContext context, byte[] endPointBinding) {
        this.context = context;
        this.endPointBinding = endPointBinding;
    }

    /** Loads or generates the certificate (see {@link TlsOptions}) and builds the context. */
    public static ServerTls create(TlsOptions options, String bindHost) throws IOException, GeneralSecurityException {
        ServerIdentity identity = CertificateSource.load(options, bindHost);
        char[] password = new char[0]; // in-memory store only
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", identity.key(), password, identity.chain().toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ServerTls(context, EndPointBinding.of(identity.leaf()).orElse(null));
    }

    /** An SSLSocket over {@code plain} in server mode; no byte is exchanged until its handshake starts. */
    public SSLSocket layer(Socket plain) throws IOException {
        return configure((SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true));
    }

    /** As {@link #layer(Socket)}, for a ClientHello whose first bytes were already read (direct TLS). */
    public SSLSocket layer(Socket plain, InputStream consumed) throws IOException {
        return configure((SSLSocket) context.getSocketFactory().createSocket(plain, consumed, true));
    }

    /** The tls-server-end-point data of the certificate, when it has one (SCRAM-SHA-256-PLUS is offered then). */
    public Optional<byte[]> endPointBinding() {
        return Optional.ofNullable(endPointBinding).map(byte[]::clone);
    }

    private static SSLSocket configure(SSLSocket socket) {
        socket.setUseClientMode(false);
        SSLParameters params = socket.getSSLParameters();
        params.setProtocols(PROTOCOLS);
        params.setApplicationProtocols(new String[] {ALPN});
        params.setNeedClientAuth(false);
        params.setWantClientAuth(false);
        socket.setSSLParameters(params);
        return socket;
    }
}
