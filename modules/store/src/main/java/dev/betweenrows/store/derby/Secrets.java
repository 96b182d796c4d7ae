package dev.betweenrows.store.derby;

import dev.betweenrows.store.SecretBox;
import dev.betweenrows.store.StoreException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Data-source passwords sealed under the store key with the row id as associated data, stored as
 * base64. Without a key every seal and open fails (a store opened without {@code BR_ENCRYPTION_KEY}
 * must not keep passwords in the clear).
 */
final class Secrets {
    private final SecretBox box;

    Secrets(SecretBox box) {
        this.box = box;
    }

    String seal(char[] password, String rowId) {
        byte[] plain = utf8(password);
        try {
            return Base64.getEncoder().encodeToString(box().seal(plain, rowId.getBytes(StandardCharsets.UTF_8)));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    char[] open(String sealed, String rowId) {
        byte[] plain = box().open(Base64.getDecoder().decode(sealed), rowId.getBytes(StandardCharsets.UTF_8));
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private SecretBox box() {
        if (box == null) throw new StoreException("no encryption key configured: data source passwords cannot be stored or read");
        return box;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        return out;
    }
}
