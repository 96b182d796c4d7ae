package dev.betweenrows.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** PEM certificate chain and PKCS#8 key for serving the admin plane over HTTPS. */
public record AdminTls(Path certFile, Path keyFile) {
    public AdminTls {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (!Files.isReadable(certFile)) throw new IllegalArgumentException("cannot read the admin TLS certificate " + certFile);
        if (!Files.isReadable(keyFile)) throw new IllegalArgumentException("cannot read the admin TLS key " + keyFile);
    }
}
