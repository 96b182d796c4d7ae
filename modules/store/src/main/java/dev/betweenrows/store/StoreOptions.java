package dev.betweenrows.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the embedded store lives. {@code storeDir} is created on first start. */
public record StoreOptions(Path storeDir) {
    public StoreOptions {
        Objects.requireNonNull(storeDir, "storeDir");
    }
}
