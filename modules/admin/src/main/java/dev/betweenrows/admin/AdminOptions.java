package dev.betweenrows.admin;

import java.util.Objects;

/** Admin listener settings: bind address and the product version reported by {@code /health}. */
public record AdminOptions(String host, int port, String version) {
    public AdminOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }
}
