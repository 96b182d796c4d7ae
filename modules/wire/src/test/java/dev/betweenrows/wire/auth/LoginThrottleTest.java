package dev.betweenrows.wire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), Duration.ofMillis(100),
            Duration.ofMillis(350), clock);

    @Test
    void delaysGrowAfterTheFreeFailuresAndAreCapped() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.delayFor("alice", "10.0.0.1"));
            throttle.failed("alice", "10.0.0.1");
        }
        assertEquals(Duration.ofMillis(100), throttle.delayFor("alice", "10.0.0.1"));
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofMillis(200), throttle.delayFor("alice", "10.0.0.1"));
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofMillis(350), throttle.delayFor("alice", "10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.delayFor("alice", "10.0.0.2"), "per address");
        assertEquals(Duration.ZERO, throttle.delayFor("bob", "10.0.0.1"), "per user");
    }

    @Test
    void windowExpiryAndSuccessReset() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", "a");
            throttle.failed("nobody", "a");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals(Duration.ZERO, throttle.delayFor("alice", "a"));
        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", "a");
        }
        throttle.succeeded("alice", "a");
        assertEquals(Duration.ZERO, throttle.delayFor("alice", "a"));
    }
}
