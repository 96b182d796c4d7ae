package dev.betweenrows.store;

import dev.betweenrows.policy.DataSourceRef;

import java.time.Instant;

/**
 * A stored data source without its secret: {@code hasPassword} says whether one is set; only
 * {@link DataSourceRepository#revealPassword(String)} returns it.
 */
public record DataSourceRecord(String id, String type, DataSourceSettings settings, boolean hasPassword,
                               Instant createdAt, Instant updatedAt) {
    public String name() {
        return settings.name();
    }

    public DataSourceRef toRef() {
        return new DataSourceRef(id, settings.name(), settings.accessMode());
    }
}
