package dev.betweenrows.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code maxFailures} failed logins per username + client address in a sliding window. */
public final class LoginLimiter {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
    public long retryAfterSeconds(String username, String address) {
        Deque<Instant> q = failures.get(key(username, address));
        if (q == null) return 0;
        synchronized (q) {
            prune(q);
            if (q.size() < maxFailures) return 0;
            return Math.max(1, Duration.between(clock.instant(), q.peekFirst().plus(window)).toSeconds());
        }
    }

    public void failed(String username, String address) {
        Deque<Instant> q = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(clock.instant());
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> q) {
        Instant cutoff = clock.instant().minus(window);
        while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) q.pollFirst();
    }

    private static String key(String username, String address) {
        return username.toLowerCase(java.util.Locale.ROOT) + "|" + address;
    }
}
