package dev.betweenrows.store;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Authenticated encryption of small secrets: AES-256-GCM, a fresh random 96-bit nonce per seal, a
 * 128-bit tag. The sealed form is {@code nonce || ciphertext || tag}. Associated data (for data-source
 * passwords: the data source id) is authenticated but not stored, so a ciphertext copied to another
 * row does not open.
 */
public final class SecretBox {
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box over a 32-byte key (the key bytes are copied). */
    public static SecretBox aesGcm(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256-GCM needs a " + KEY_BYTES + "-byte key");
        }
        return new SecretBox(key.clone());
    }

    public byte[] seal(byte[] plain, byte[] associatedData) {
        Objects.requireNonNull(plain, "plain");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + c.getOutputSize(plain.length));
            c.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot seal a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Opens a sealed secret; throws {@link StoreException} when it was tampered with or the key or associated data differ. */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new StoreException("sealed secret is truncated");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), associatedData);
            return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreException("sealed secret does not open: wrong key, wrong row or tampered");
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot open a sealed secret: " + e.getClass().getSimpleName(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        if (associatedData != null) {
            c.updateAAD(associatedData);
        }
        return c;
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }
}
