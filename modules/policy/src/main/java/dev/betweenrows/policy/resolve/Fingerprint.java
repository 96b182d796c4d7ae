package dev.betweenrows.policy.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over length-prefixed fields, so no two different field sequences can collide by concatenation. */
final class Fingerprint {
    private final MessageDigest digest;

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    Fingerprint field(String value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(intBytes(bytes.length));
        digest.update(bytes);
        return this;
    }

    /** A key, a type name and a list of texts ({@code null} = no value). */
    Fingerprint add(String key, String type, List<String> texts) {
        field(key).field(type);
        if (texts == null) return field(null);
        field(Integer.toString(texts.size()));
        texts.forEach(this::field);
        return this;
    }

    String hex() { return HexFormat.of().formatHex(digest.digest()); }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
