package dev.betweenrows.rewrite.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU of rewrite results (decisions for exact texts, templates for literal shapes). The key holds
 * everything a rewrite depends on: the SQL text (or shape), the data source, the catalog version and the user's
 * policy fingerprint (which covers the bound policy expressions). Decisions that depend on the user's identity
 * (local answers) are never cached.
 *
 * <p>Every statement looks up twice, and an LRU lookup reorders its map under a lock: a large cache is split into
 * stripes by key hash, each its own LRU, so that sessions rarely wait on each other (the server's default of
 * 10,000 gets 16 stripes of 625; a small cache stays one exact LRU).
 */
final class RewriteCache<V> {

    record Key(String sql, String dataSourceId, long catalogVersion, String policyFingerprint) {}

    private static final int STRIPES = 16;
    private static final int MIN_PER_STRIPE = 256;

    private final int capacity;
    private final Map<Key, V>[] stripes;

    @SuppressWarnings("unchecked")
    RewriteCache(int capacity) {
        this.capacity = capacity;
        int n = capacity >= STRIPES * MIN_PER_STRIPE ? STRIPES : 1;
        int perStripe = (capacity + n - 1) / n;
        this.stripes = new Map[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                    return size() > perStripe;
                }
            };
        }
    }

    V get(Key key) {
        if (capacity == 0) return null;
        Map<Key, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.get(key);
        }
    }

    void put(Key key, V decision) {
        if (capacity == 0) return;
        Map<Key, V> stripe = stripe(key);
        synchronized (stripe) {
            stripe.put(key, decision);
        }
    }

    int size() {
        int size = 0;
        for (Map<Key, V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    private Map<Key, V> stripe(Key key) {
        return stripes[stripes.length == 1 ? 0 : (key.hashCode() & 0x7fffffff) % stripes.length];
    }
}
