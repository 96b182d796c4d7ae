package dev.betweenrows.rewrite.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU of rewrite results (decisions for exact texts, templates for literal shapes). The key holds
 * everything a rewrite depends on: the SQL text (or shape), the data source, the catalog version and the user's
 * policy fingerprint (which covers the bound policy expressions). Decisions that depend on the user's identity
 * (local answers) are never cached.
 */
final class RewriteCache<V> {

    record Key(String sql, String dataSourceId, long catalogVersion, String policyFingerprint) {}

    private final int capacity;
    private final Map<Key, V> entries;

    RewriteCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > RewriteCache.this.capacity;
            }
        };
    }

    V get(Key key) {
        if (capacity == 0) return null;
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(Key key, V decision) {
        if (capacity == 0) return;
        synchronized (entries) {
            entries.put(key, decision);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
