package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RewriteCacheTest {
    private static RewriteCache.Key key(int i) {
        return new RewriteCache.Key("SELECT " + i, "ds", 1, "fp");
    }

    @Test void aSmallCacheIsOneExactLru() {
        RewriteCache<Integer> cache = new RewriteCache<>(100);
        for (int i = 0; i < 100; i++) cache.put(key(i), i);
        assertEquals(0, cache.get(key(0)));   // now the most recent
        cache.put(key(100), 100);
        assertNull(cache.get(key(1)), "the least recently used goes first");
        assertEquals(0, cache.get(key(0)));
        assertEquals(100, cache.size());
    }

    @Test void aLargeCacheStaysWithinItsCapacityAndKeepsRecentEntries() {
        RewriteCache<Integer> cache = new RewriteCache<>(10_000);
        for (int i = 0; i < 50_000; i++) cache.put(key(i), i);
        assertTrue(cache.size() <= 10_000, "size " + cache.size());
        assertTrue(cache.size() > 9_000, "size " + cache.size());
        for (int i = 49_900; i < 50_000; i++) assertEquals(i, cache.get(key(i)));
        assertNull(cache.get(key(0)));
    }

    @Test void aZeroCapacityCachesNothing() {
        RewriteCache<Integer> cache = new RewriteCache<>(0);
        cache.put(key(1), 1);
        assertNull(cache.get(key(1)));
    }
}
