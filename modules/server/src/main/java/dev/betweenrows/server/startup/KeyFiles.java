package dev.betweenrows.server.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Key material: from the environment when set, else from a key file created once (mode 0600) in the
 * data directory. Only file paths are ever logged, never key bytes.
 */
final class KeyFiles {
    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());

    private KeyFiles() {}

    /** A 256-bit key: 64 hex characters from {@code envValue}, else from (or into) {@code file}. */
    static byte[] hexKey(Optional<String> envValue, Path file, String variable) {
        String hex = envValue.orElseGet(() -> readOrCreate(file, variable));
        try {
            byte[] key = HexFormat.of().parseHex(hex.strip());
            if (key.length != 32) throw new IllegalArgumentException();
            return key;
        } catch (IllegalArgumentException e) {
            throw new StartupException(envValue.isPresent() ? variable + " must be 64 hex characters"
                    : "key file " + file + " is corrupt (expected 64 hex characters); restore it from your backup");
        }
    }

    /** A text secret: {@code envValue}, else from (or into) {@code file}. */
    static String secret(Optional<String> envValue, Path file, String variable, int minLength) {
        String secret = envValue.orElseGet(() -> readOrCreate(file, variable)).strip();
        if (secret.length() < minLength) {
            throw new StartupException(variable + " must have at least " + minLength + " characters");
        }
        return secret;
    }

    private static String readOrCreate(Path file, String variable) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
            LOG.warning(variable + " is not set: generated a new key in " + file
                    + " (mode 0600). Back it up with the data directory; without it stored secrets cannot be read.");
            return hex;
        } catch (FileAlreadyExistsException e) {
            return readOrCreate(file, variable);
        } catch (IOException e) {
            throw new StartupException("cannot read or create key file " + file + ": " + e.getMessage(), e);
        }
    }
}
