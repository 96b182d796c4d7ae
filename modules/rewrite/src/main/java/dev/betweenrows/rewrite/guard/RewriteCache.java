package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU of rewrite decisions. The key holds everything a rewrite depends on: the SQL text, the data source,
 * the catalog version and the user's policy fingerprint (which covers the bound policy expressions). Decisions that
 * depend on the user's identity (local answers) are never cached.
 */
final class RewriteCache {

    record Key(String sql, String dataSourceId, long catalogVersion, String policyFingerprint) {}

    private final int capacity;
    private final Map<Key, GuardDecision> entries;

    RewriteCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, GuardDecision> eldest) {
                return size() > RewriteCache.this.capacity;
            }
        };
    }

    GuardDecision get(Key key) {
        if (capacity == 0) return null;
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(Key key, GuardDecision decision) {
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
