package dev.betweenrows.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {
    private static final byte[] AD = "ds-1".getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void roundTripWithAFreshNonceEachTime() {
        SecretBox box = SecretBox.aesGcm(key());
        byte[] plain = "pässword".getBytes(StandardCharsets.UTF_8);
        byte[] a = box.seal(plain, AD);
        byte[] b = box.seal(plain, AD);
        assertEquals(12 + plain.length + 16, a.length);
        assertFalse(java.util.Arrays.equals(a, b), "same plaintext must not seal to the same bytes");
        assertArrayEquals(plain, box.open(a, AD));
        assertArrayEquals(plain, box.open(b, AD));
    }

    @Test
    void tamperingIsDetectedAnywhere() {
        SecretBox box = SecretBox.aesGcm(key());
        byte[] sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), AD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 1;
            assertThrows(StoreException.class, () -> box.open(bad, AD), "flipped byte " + i);
        }
        assertThrows(StoreException.class, () -> box.open(java.util.Arrays.copyOf(sealed, 20), AD));
    }

    @Test
    void wrongAssociatedDataOrKeyFails() {
        byte[] k = key();
        SecretBox box = SecretBox.aesGcm(k);
        byte[] sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), AD);
        assertThrows(StoreException.class, () -> box.open(sealed, "ds-2".getBytes(StandardCharsets.UTF_8)));
        assertThrows(StoreException.class, () -> box.open(sealed, null));
        assertThrows(StoreException.class, () -> SecretBox.aesGcm(key()).open(sealed, AD));
        k[0] ^= 1;   // the box copied the key: changing the caller's array changes nothing
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), box.open(sealed, AD));
    }

    @Test
    void onlyThirtyTwoByteKeys() {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.aesGcm(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new StoreOptions(java.nio.file.Path.of("x"), new byte[31]));
        assertFalse(new StoreOptions(java.nio.file.Path.of("x"), key()).toString().matches(".*[0-9a-f]{64}.*"));
    }
}
