package dev.betweenrows.wire.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCRAM-SHA-256 verifier in PostgreSQL's stored format
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (all base64). It lets the server
 * check a client proof and sign its reply without ever knowing the password.
 */
record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    private static final Pattern FORMAT =
            Pattern.compile("SCRAM-SHA-256\\$(\\d{1,7}):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    static final int KEY_LENGTH = 32;

    ScramVerifier {
        if (iterations < 1 || salt.length == 0 || storedKey.length != KEY_LENGTH || serverKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("invalid SCRAM verifier");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** The verifier, or empty when the stored text is not one (the caller then runs a mock exchange). */
    static Optional<ScramVerifier> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new ScramVerifier(Integer.parseInt(m.group(1)), b64.decode(m.group(2)),
                    b64.decode(m.group(3)), b64.decode(m.group(4))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code password} is the one this verifier was made from (a cleartext login): the salted password
     * is recomputed with the stored salt and iterations and both derived keys are compared in constant time.
     */
    boolean matchesPassword(char[] password) {
        ScramMechanism sha256 = ScramMechanism.SCRAM_SHA_256;
        // an empty password never matches, but costs the same derivation (the library refuses empty input)
        char[] input = password.length == 0 ? new char[] {'-'} : password;
        byte[] salted;
        try {
            salted = ScramFunctions.saltedPassword(sha256, StringPreparation.POSTGRESQL_PREPARATION, input, salt,
                    iterations);
        } catch (IllegalArgumentException unusable) {
            return false;
        }
        byte[] stored = ScramFunctions.storedKey(sha256, ScramFunctions.clientKey(sha256, salted));
        byte[] server = ScramFunctions.serverKey(sha256, salted);
        Arrays.fill(salted, (byte) 0);
        return MessageDigest.isEqual(stored, storedKey) & MessageDigest.isEqual(server, serverKey)
                & password.length > 0;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramVerifier v && iterations == v.iterations && Arrays.equals(salt, v.salt)
                && Arrays.equals(storedKey, v.storedKey) && Arrays.equals(serverKey, v.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + ", <redacted>]";
    }
}
