package dev.betweenrows.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the embedded store lives ({@code storeDir} is created on first start), the 32-byte
 * AES-256 key that seals data-source passwords ({@code BR_ENCRYPTION_KEY}), and how many automatic
 * pre-migration backups to keep in {@link #backupsDir()} ({@code BR_BACKUP_KEEP}).
 */
public record StoreOptions(Path storeDir, byte[] encryptionKey, int backupKeep) {
    public static final int DEFAULT_BACKUP_KEEP = 5;

    public StoreOptions {
        Objects.requireNonNull(storeDir, "storeDir");
        if (backupKeep < 1) throw new IllegalArgumentException("backupKeep must be >= 1");
        if (encryptionKey != null) {
            if (encryptionKey.length != SecretBox.KEY_BYTES) {
                throw new IllegalArgumentException("encryption key must be " + SecretBox.KEY_BYTES + " bytes");
            }
            encryptionKey = encryptionKey.clone();
        }
    }

    public StoreOptions(Path storeDir, byte[] encryptionKey) {
        this(storeDir, encryptionKey, DEFAULT_BACKUP_KEEP);
    }

    /** {@code <data>/backups}: beside the store directory. */
    public Path backupsDir() {
        return storeDir.toAbsolutePath().normalize().resolveSibling("backups");
    }

    /** A store without a key: it works, but refuses to store or reveal data-source passwords (fails closed). */
    public StoreOptions(Path storeDir) {
        this(storeDir, null);
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey == null ? null : encryptionKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreOptions other && storeDir.equals(other.storeDir)
                && backupKeep == other.backupKeep && Arrays.equals(encryptionKey, other.encryptionKey);
    }

    @Override
    public int hashCode() {
        return storeDir.hashCode();
    }

    @Override
    public String toString() {
        return "StoreOptions[storeDir=" + storeDir + ", encryptionKey=" + (encryptionKey == null ? "none" : "***")
                + ", backupKeep=" + backupKeep + "]";
    }
}
