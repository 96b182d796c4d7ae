package dev.betweenrows.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The type of a setting: how it is validated and described. Validation messages never echo secrets. */
public record Kind(String name, String format, Validator validator) {
    private static final Pattern ADDRESS_FORMAT = Pattern.compile("(\\[[0-9a-fA-F:]+]|[A-Za-z0-9.-]+):(\\d{1,5})");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    static final Kind ADDRESS = new Kind("address", "`host:port`", v -> {
        var m = ADDRESS_FORMAT.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw new IllegalArgumentException("expected host:port (e.g. 127.0.0.1:5434), got '" + v + "'");
        }
    });
    static final Kind PATH = new Kind("path", "directory path", v -> {
        try {
            Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: '" + v + "'");
        }
    });
    static final Kind TEXT = new Kind("text", "text", v -> { });
    static final Kind SECRET = new Kind("secret", "secret text (environment only)", v -> { });
    static final Kind HEX_KEY = new Kind("hex key", "64 hex characters (environment only)", v -> {
        if (!HEX64.matcher(v).matches()) {
            throw new IllegalArgumentException("expected 64 hex characters (a 256-bit key), got " + v.length() + " characters");
        }
    });

    static Kind int_(int min, int max) {
        return new Kind("integer", "integer " + min + "–" + max, v -> {
            try {
                long n = Long.parseLong(v.strip());
                if (n < min || n > max) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer from " + min + " to " + max + ", got '" + v + "'");
            }
        });
    }

    static Kind oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new Kind("choice", "one of " + String.join(", ", allowed), v -> {
            if (!allowed.contains(v.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("expected one of " + allowed + ", got '" + v + "'");
            }
        });
    }

    /** Throws {@link IllegalArgumentException} with a message that is safe to print. */
    @FunctionalInterface
    public interface Validator {
        void validate(String value);
    }
}
