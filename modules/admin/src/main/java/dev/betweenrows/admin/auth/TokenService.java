package dev.betweenrows.admin.auth;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkKeys;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 admin tokens. Each carries a random id (for logout) and this process's boot id, so a
 * restart invalidates every outstanding token (revocations are kept in memory only).
 */
public final class TokenService {
    private static final String ISSUER = "betweenrows";
    private static final String BOOT_CLAIM = "boot";
    private final JwkKeys keys;
    private final JwkOctet key;
    private final Duration lifetime;
    private final Clock clock;
    private final String bootId = UUID.randomUUID().toString();

    public TokenService(byte[] secret, Duration lifetime, Clock clock) {
        this.key = JwkOctet.create(Json.createObjectBuilder()
                .add("kty", "oct")
                .add("kid", "admin")
                .add("alg", JwkOctet.ALG_HS256)
                .add("use", "sig")
                .add("k", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                .build());
        this.keys = JwkKeys.builder().addKey(key).build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed token for {@code userId}; {@link Issued#id()} is what logout revokes. */
    public Issued issue(String userId, String username) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Jwt jwt = Jwt.builder()
                .algorithm(JwkOctet.ALG_HS256)
                .keyId("admin")
                .issuer(ISSUER)
                .subject(userId)
                .jwtId(id)
                .issueTime(now)
                .expirationTime(now.plus(lifetime))
                .addPayloadClaim("username", username)
                .addPayloadClaim(BOOT_CLAIM, bootId)
                .build();
        return new Issued(SignedJwt.sign(jwt, key).tokenContent(), id, now.plus(lifetime));
    }

    /** The verified claims, or empty for a bad signature, a foreign issuer, an old boot or an expired token. */
    public Optional<Claims> verify(String token) {
        try {
            SignedJwt signed = SignedJwt.parseToken(token);
            if (!signed.verifySignature(keys).isValid()) return Optional.empty();
            Jwt jwt = signed.getJwt();
            if (!jwt.algorithm().orElse("").equals(JwkOctet.ALG_HS256)) return Optional.empty();
            if (!jwt.issuer().orElse("").equals(ISSUER)) return Optional.empty();
            String boot = jwt.payloadClaim(BOOT_CLAIM).map(v -> v.toString().replace("\"", "")).orElse("");
            if (!boot.equals(bootId)) return Optional.empty();
            Instant exp = jwt.expirationTime().orElse(Instant.EPOCH);
            if (!clock.instant().isBefore(exp)) return Optional.empty();
            return Optional.of(new Claims(jwt.subject().orElseThrow(), jwt.jwtId().orElseThrow(), exp));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public record Issued(String token, String id, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    public record Claims(String userId, String tokenId, Instant expiresAt) {}

    /** The HS256 key from the configured secret text (BR_ADMIN_JWT_SECRET or the jwt.secret file). */
    public static byte[] keyFrom(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
