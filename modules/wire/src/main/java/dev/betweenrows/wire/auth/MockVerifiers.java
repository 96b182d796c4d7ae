package dev.betweenrows.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifiers for logins that must fail without saying why (unknown user, unusable stored verifier). As in
 * PostgreSQL's mock authentication, the salt is derived from the user name with a per-process secret key,
 * so repeated attempts see the same salt and an attacker cannot tell a missing user from a real one.
 * The keys are random too, so no proof can ever match.
 */
final class MockVerifiers {
    private final byte[] key;

    MockVerifiers(SecureRandom random) {
        key = new byte[32];
        random.nextBytes(key);
    }

    ScramVerifier forUser(String username) {
        byte[] salt = Arrays.copyOf(hmac("salt", username), 16); // the length Passwords uses for real salts
        return new ScramVerifier(4096, salt, hmac("stored", username), hmac("server", username));
    }

    private byte[] hmac(String purpose, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
