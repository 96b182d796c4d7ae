package dev.betweenrows.store;

import java.util.List;

/**
 * The schema state of a store, read without changing it.
 *
 * @param schemaVersion  the latest applied migration, or {@code null} for an empty or missing store
 * @param latestKnown    the latest migration this binary ships
 * @param pending        migrations this binary would apply, oldest first
 * @param unknownApplied applied versions this binary does not know (a newer release ran on the store)
 */
public record StoreStatus(String schemaVersion, String latestKnown, List<Step> pending, List<String> unknownApplied) {
    public StoreStatus {
        pending = List.copyOf(pending);
        unknownApplied = List.copyOf(unknownApplied);
    }

    /** One migration: version and description. */
    public record Step(String version, String description) {}
}
