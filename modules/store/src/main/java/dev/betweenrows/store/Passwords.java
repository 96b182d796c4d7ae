package dev.betweenrows.store;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password handling: only SCRAM-SHA-256 verifiers are ever stored, in PostgreSQL's format
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, so the data plane can run a
 * real SCRAM exchange and nobody can recover the password from the store.
 */
public final class Passwords {
    public static final int ITERATIONS = 4096;
    public static final int MIN_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** Password rules shared by the API, the CLI and first-boot seeding. */
    public static void requireAcceptable(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length > 1024) {
            throw new IllegalArgumentException("password must have at most 1024 characters");
        }
    }

    /**
     * True when {@code password} matches {@code verifier} (constant-time comparison of both keys).
     * A malformed verifier never matches.
     */
    public static boolean matches(char[] password, String verifier) {
        String[] p = verifier == null ? new String[0] : verifier.split("[$:]");
        if (p.length != 5 || !p[0].equals("SCRAM-SHA-256")) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salted = ScramFunctions.saltedPassword(ScramMechanism.SCRAM_SHA_256, StringPreparation.POSTGRESQL_PREPARATION,
                    password, b64.decode(p[2]), Integer.parseInt(p[1]));
            byte[] storedKey = ScramFunctions.storedKey(ScramMechanism.SCRAM_SHA_256,
                    ScramFunctions.clientKey(ScramMechanism.SCRAM_SHA_256, salted));
            byte[] serverKey = ScramFunctions.serverKey(ScramMechanism.SCRAM_SHA_256, salted);
            return java.security.MessageDigest.isEqual(storedKey, b64.decode(p[3]))
                    & java.security.MessageDigest.isEqual(serverKey, b64.decode(p[4]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A verifier for no password at all: checking against it costs the same as a real check and never matches. */
    public static String decoyVerifier() {
        return DECOY;
    }

    private static final String DECOY = scramVerifier(java.util.UUID.randomUUID().toString().toCharArray());

    public static String scramVerifier(char[] password) {
        requireAcceptable(password);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] salted = ScramFunctions.saltedPassword(ScramMechanism.SCRAM_SHA_256, StringPreparation.POSTGRESQL_PREPARATION,
                password, salt, ITERATIONS);
        byte[] storedKey = ScramFunctions.storedKey(ScramMechanism.SCRAM_SHA_256,
                ScramFunctions.clientKey(ScramMechanism.SCRAM_SHA_256, salted));
        byte[] serverKey = ScramFunctions.serverKey(ScramMechanism.SCRAM_SHA_256, salted);
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }
}
