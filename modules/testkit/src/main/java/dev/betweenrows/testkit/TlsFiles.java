package dev.betweenrows.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** A self-signed server certificate (CN=localhost, SAN localhost and 127.0.0.1) made with the openssl CLI. */
record TlsFiles(Path certificate, Path privateKey) {

    static TlsFiles generate(Path dir, Path outputLog, RunAs runAs) {
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        // EC P-256 keys generate in milliseconds; RSA would slow every test run.
        Commands.run(List.of("openssl", "req", "-x509", "-nodes", "-days", "2",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()), dir, outputLog, 60);
        try {
            // PostgreSQL refuses a key that others can read.
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(cert, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot set permissions on " + key, e);
        }
        runAs.own(key);
        runAs.own(cert);
        return new TlsFiles(cert, key);
    }
}
