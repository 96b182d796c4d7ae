package dev.betweenrows.wire.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.TlsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate loading, generation and reuse; files made by the real openssl CLI where a third party matters. */
class CertificateSourceTest {
    @TempDir
    Path dir;

    static void openssl(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + cmd + " failed: " + out);
        }
    }

    /** openssl req -x509 with the given key options; writes cert.pem and key.pem (PKCS#8) under {@code cwd}. */
    static void selfSigned(Path cwd, String digest, String... keyOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-keyout", "key.pem", "-out", "cert.pem"));
        if (digest != null) {
            args.add("-" + digest);
        }
        args.addAll(List.of(keyOptions));
        openssl(cwd, args.toArray(String[]::new));
    }

    private static String sha256Hex(byte[] bytes) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void generatesOnceWithAPrivateKeyFileAndReusesItOnRestart() throws Exception {
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(CertificateSource.class.getName());
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { logged.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(capture);
        try {
            ServerIdentity first = CertificateSource.load(TlsOptions.selfSigned(dir), "127.0.0.1");
            Path cert = dir.resolve("tls/server.crt");
            Path key = dir.resolve("tls/server.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls"))));
            assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
            ServerIdentity second = CertificateSource.load(TlsOptions.selfSigned(dir), "127.0.0.1");
            assertArrayEquals(first.leaf().getEncoded(), second.leaf().getEncoded(), "reused, not regenerated");
            assertEquals(first.fingerprint(), second.fingerprint());
            assertEquals(sha256Hex(first.leaf().getEncoded()), first.fingerprint());
            openssl(dir, "x509", "-in", cert.toString(), "-noout", "-checkend", "86400"); // openssl can read it
            assertEquals(2, logged.size());
            assertTrue(logged.get(0).contains("generated self-signed certificate") && logged.get(0)
                    .endsWith("SHA-256 fingerprint " + first.fingerprint()), logged.get(0));
            assertFalse(logged.get(1).contains("generated"), logged.get(1));
            assertFalse(String.join("\n", logged).contains("PRIVATE"), "the key is never logged");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void generatedCertificateNamesLocalhostLoopbackAndTheBindHost() throws Exception {
        X509Certificate cert = SelfSignedCertificate.generate("db-proxy.internal").leaf();
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(0) + "=" + n.get(1)).toList();
        assertEquals(List.of("2=localhost", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1", "2=db-proxy.internal"), names);
        assertEquals("CN=localhost", cert.getSubjectX500Principal().getName());
        cert.verify(cert.getPublicKey()); // self-signed
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage());
        List<String> wildcard = SelfSignedCertificate.generate("0.0.0.0").leaf().getSubjectAlternativeNames()
                .stream().map(n -> String.valueOf(n.get(1))).toList();
        assertFalse(wildcard.contains("0.0.0.0"));
    }

    @Test
    void aKeyWithoutItsCertificateIsReplacedButACertificateWithoutItsKeyIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("tls/server.key"), "half-written");
        CertificateSource.load(TlsOptions.selfSigned(dir), "localhost");
        assertTrue(Files.readString(dir.resolve("tls/server.key")).startsWith("-----BEGIN PRIVATE KEY"));
        Files.delete(dir.resolve("tls/server.key"));
        IOException e = assertThrows(IOException.class, () -> CertificateSource.load(TlsOptions.selfSigned(dir), "x"));
        assertTrue(e.getMessage().contains("server.key"), e.getMessage());
    }

    @Test
    void operatorRsaFilesFromOpensslLoadAndBindWithSha256() throws Exception {
        selfSigned(dir, "sha256", "-newkey", "rsa:2048");
        ServerTls tls = ServerTls.create(TlsOptions.fromFiles(dir.resolve("cert.pem"), dir.resolve("key.pem")), "h");
        byte[] der = PemFiles.readCertificates(dir.resolve("cert.pem")).getFirst().getEncoded();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(der), tls.endPointBinding().orElseThrow());
    }

    @Test
    void endPointBindingFollowsTheSignatureHash() throws Exception {
        Path p384 = Files.createDirectory(dir.resolve("p384"));
        selfSigned(p384, "sha384", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384");
        X509Certificate c384 = PemFiles.readCertificates(p384.resolve("cert.pem")).getFirst();
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(c384.getEncoded()),
                EndPointBinding.of(c384).orElseThrow());

        Path sha1 = Files.createDirectory(dir.resolve("sha1"));
        selfSigned(sha1, "sha1", "-newkey", "rsa:2048");
        X509Certificate c1 = PemFiles.readCertificates(sha1.resolve("cert.pem")).getFirst();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(c1.getEncoded()),
                EndPointBinding.of(c1).orElseThrow(), "SHA-1 is upgraded to SHA-256 (RFC 5929 §4.1)");

        Path ed = Files.createDirectory(dir.resolve("ed"));
        selfSigned(ed, null, "-newkey", "ed25519");
        assertTrue(EndPointBinding.of(PemFiles.readCertificates(ed.resolve("cert.pem")).getFirst()).isEmpty(),
                "Ed25519 has no single hash: no tls-server-end-point, so no -PLUS");
    }

    @Test
    void mismatchedAndNonPkcs8KeysAreRefusedWithAClearMessage() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        selfSigned(a, "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        selfSigned(b, "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        GeneralSecurityException mismatch = assertThrows(GeneralSecurityException.class,
                () -> ServerTls.create(TlsOptions.fromFiles(a.resolve("cert.pem"), b.resolve("key.pem")), "h"));
        assertTrue(mismatch.getMessage().contains("does not match"), mismatch.getMessage());

        openssl(a, "pkey", "-in", "key.pem", "-traditional", "-out", "traditional.pem");
        assertTrue(Files.readString(a.resolve("traditional.pem")).startsWith("-----BEGIN EC PRIVATE KEY"));
        GeneralSecurityException pkcs1 = assertThrows(GeneralSecurityException.class,
                () -> ServerTls.create(TlsOptions.fromFiles(a.resolve("cert.pem"), a.resolve("traditional.pem")), "h"));
        assertTrue(pkcs1.getMessage().contains("openssl pkcs8 -topk8"), pkcs1.getMessage());
        assertFalse(pkcs1.getMessage().contains("MHc"), "no key material in the message");
    }

    @Test
    void optionsRefuseHalfConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> new TlsOptions(true, dir, null, null, false));
        assertThrows(IllegalArgumentException.class, () -> new TlsOptions(true, null, null, null, false));
        assertFalse(TlsOptions.off().enabled());
        assertNotEquals(TlsOptions.selfSigned(dir), TlsOptions.selfSigned(dir).withCleartextOverTls(true));
    }
}
