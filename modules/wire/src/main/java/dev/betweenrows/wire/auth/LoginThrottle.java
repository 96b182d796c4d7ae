package dev.betweenrows.wire.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code freeFailures} failed logins for one user name from one client
 * address within {@code window}, every further attempt from there waits before its result is sent, twice as
 * long per extra failure up to {@code maxDelay}. A success clears the count. Keys are the name the client
 * typed (existing or not), so the throttle itself reveals nothing. In memory, per process.
 */
final class LoginThrottle {
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant firstAt) {}

    private final int freeFailures;
    private final Duration window;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int freeFailures, Duration window, Duration baseDelay, Duration maxDelay, Clock clock) {
        this.freeFailures = freeFailures;
        this.window = window;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    static LoginThrottle defaults() {
        return new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    /** How long the next attempt for this user and address must wait (zero below the threshold). */
    Duration delayFor(String username, String address) {
        Failures f = current(key(username, address));
        if (f == null || f.count() < freeFailures) {
            return Duration.ZERO;
        }
        int extra = Math.min(f.count() - freeFailures, 20);
        Duration d = baseDelay.multipliedBy(1L << extra);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    void failed(String username, String address) {
        String key = key(username, address);
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            prune(); // bounded memory even under a spray of user names; tracked keys are never evicted early
            if (failures.size() >= MAX_TRACKED) {
                return;
            }
        }
        Instant now = clock.instant();
        failures.compute(key, (k, f) ->
                f == null || expired(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, f.firstAt()));
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        if (f != null && expired(f, clock.instant())) {
            failures.remove(key, f);
            return null;
        }
        return f;
    }

    private boolean expired(Failures f, Instant now) {
        return f.firstAt().plus(window).isBefore(now);
    }

    private void prune() {
        Instant now = clock.instant();
        failures.values().removeIf(f -> expired(f, now));
    }

    private static String key(String username, String address) {
        return username + '\0' + address;
    }
}
