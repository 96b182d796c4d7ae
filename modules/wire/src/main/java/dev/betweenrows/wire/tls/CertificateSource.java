package dev.betweenrows.wire.tls;

import dev.betweenrows.wire.TlsOptions;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Where the server identity comes from: the operator's PEM files, or a self-signed certificate generated on
 * the first start into {@code <data dir>/tls} and reused afterwards. The certificate file is written last,
 * so its presence means the pair is complete; a key without a certificate (a crash mid-write) is replaced.
 */
final class CertificateSource {
    private static final Logger LOG = Logger.getLogger(CertificateSource.class.getName());
    static final String DIRECTORY = "tls";
    static final String CERT_FILE = "server.crt";
    static final String KEY_FILE = "server.key";

    private CertificateSource() {}

    static ServerIdentity load(TlsOptions options, String bindHost) throws IOException, GeneralSecurityException {
        ServerIdentity identity;
        String origin;
        if (options.certFile() != null) {
            identity = fromFiles(options.certFile(), options.keyFile());
            origin = "certificate " + options.certFile();
        } else {
            Path dir = options.dataDir().resolve(DIRECTORY);
            Path cert = dir.resolve(CERT_FILE);
            Path key = dir.resolve(KEY_FILE);
            if (Files.exists(cert)) {
                identity = fromFiles(cert, key);
                origin = "self-signed certificate " + cert;
            } else {
                identity = SelfSignedCertificate.generate(bindHost);
                write(identity, dir, cert, key);
                origin = "generated self-signed certificate " + cert;
            }
        }
        LOG.info("TLS: " + origin + ", SHA-256 fingerprint " + identity.fingerprint());
        return identity;
    }

    private static ServerIdentity fromFiles(Path cert, Path key) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(key)) {
            throw new IOException("TLS key file " + key + " is missing or unreadable");
        }
        warnIfOthersCanRead(key);
        ServerIdentity identity = new ServerIdentity(PemFiles.readPrivateKey(key), PemFiles.readCertificates(cert));
        identity.requireMatchingKey();
        return identity;
    }

    private static void write(ServerIdentity identity, Path dir, Path cert, Path key) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        byte[] keyPem = PemFiles.encode("PRIVATE KEY", identity.key().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        byte[] certPem;
        try {
            certPem = PemFiles.encode("CERTIFICATE", identity.leaf().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode the generated certificate", e);
        }
        replace(key, keyPem, posix ? "rw-------" : null);
        replace(cert, certPem, posix ? "rw-r--r--" : null);
    }

    /** Writes a temporary file created with its final permissions (the key is never readable by others), then renames. */
    private static void replace(Path target, byte[] content, String permissions) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        FileAttribute<?>[] attributes = permissions == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
        try (SeekableByteChannel ch = Files.newByteChannel(tmp,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp, e);
        }
        if (permissions != null) { // the umask may have removed bits from what we asked for; never added any
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions));
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void warnIfOthersCanRead(Path key) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(key);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warning("TLS key file " + key + " is readable by group or others; chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
