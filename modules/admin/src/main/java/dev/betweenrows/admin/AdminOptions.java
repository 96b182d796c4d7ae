package dev.betweenrows.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Admin listener settings.
 *
 * @param host             bind address
 * @param port             bind port (0 = any free port)
 * @param version          product version shown by {@code /health}
 * @param jwtSecret        HS256 key for admin tokens (at least 32 bytes)
 * @param tokenLifetime    admin token lifetime
 * @param corsOrigins      origins allowed to call the API from a browser (empty = none)
 * @param maxBodyBytes     largest request body accepted (413 beyond)
 * @param backupDir        where {@code POST /api/v1/admin/backup} writes online backups
 */
public record AdminOptions(String host, int port, String version, byte[] jwtSecret, Duration tokenLifetime,
                           List<String> corsOrigins, long maxBodyBytes, java.nio.file.Path backupDir) {
    public AdminOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (jwtSecret == null || jwtSecret.length < 32) throw new IllegalArgumentException("jwtSecret needs at least 32 bytes");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(backupDir, "backupDir");
    }

    @Override
    public String toString() {
        return "AdminOptions[host=" + host + ", port=" + port + ", version=" + version + "]";
    }
}
