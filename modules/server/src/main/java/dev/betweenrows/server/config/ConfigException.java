package dev.betweenrows.server.config;

/** Invalid configuration: start-up stops with this message (it names the variable, never a secret value). */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
