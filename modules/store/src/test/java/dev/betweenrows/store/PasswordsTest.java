package dev.betweenrows.store;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordsTest {

    @Test
    void verifierMatchesTheScramKeysDerivedFromThePassword() {
        String v = Passwords.scramVerifier("s3cret-pass".toCharArray());
        String[] parts = v.split("[$:]");   // SCRAM-SHA-256, 4096, salt, StoredKey, ServerKey
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] salted = ScramFunctions.saltedPassword(ScramMechanism.SCRAM_SHA_256,
                StringPreparation.POSTGRESQL_PREPARATION, "s3cret-pass".toCharArray(), salt, 4096);
        assertArrayEquals(ScramFunctions.serverKey(ScramMechanism.SCRAM_SHA_256, salted), Base64.getDecoder().decode(parts[4]));
        byte[] wrong = ScramFunctions.saltedPassword(ScramMechanism.SCRAM_SHA_256,
                StringPreparation.POSTGRESQL_PREPARATION, "s3cret-pasS".toCharArray(), salt, 4096);
        assertNotEquals(Base64.getEncoder().encodeToString(ScramFunctions.serverKey(ScramMechanism.SCRAM_SHA_256, wrong)), parts[4]);
    }

    @Test
    void matchesAcceptsOnlyTheRightPassword() {
        String v = Passwords.scramVerifier("correct-horse".toCharArray());
        org.junit.jupiter.api.Assertions.assertTrue(Passwords.matches("correct-horse".toCharArray(), v));
        org.junit.jupiter.api.Assertions.assertFalse(Passwords.matches("correct-horsE".toCharArray(), v));
        org.junit.jupiter.api.Assertions.assertFalse(Passwords.matches("correct-horse".toCharArray(), "md5abc"));
        org.junit.jupiter.api.Assertions.assertFalse(Passwords.matches("x".toCharArray(), Passwords.decoyVerifier()));
    }

    @Test
    void saltIsFreshEachTime() {
        assertNotEquals(Passwords.scramVerifier("same-password".toCharArray()), Passwords.scramVerifier("same-password".toCharArray()));
    }

    @Test
    void shortPasswordsAndBadUsernamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Passwords.scramVerifier("short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> new NewUser("1abc", "x", false));
        assertThrows(IllegalArgumentException.class, () -> new NewUser("a b", "x", false));
    }
}
