package dev.betweenrows.admin.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token ids revoked by logout, kept until the token would have expired anyway. */
public final class Revocations {
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public Revocations(Clock clock) {
        this.clock = clock;
    }

    public void revoke(String tokenId, Instant expiresAt) {
        revoked.put(tokenId, expiresAt);
        Instant now = clock.instant();
        revoked.values().removeIf(exp -> exp.isBefore(now));
    }

    public boolean isRevoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }
}
