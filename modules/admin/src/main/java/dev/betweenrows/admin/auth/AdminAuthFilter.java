package dev.betweenrows.admin.auth;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;
import java.util.Set;

/**
 * Guards {@code /api/v1/**} except login: a valid token (Bearer header or the HttpOnly session cookie),
 * not revoked, whose user still exists, is active and is an admin — checked on every request, so a
 * demotion or deactivation takes effect at once. Cookie-authenticated writes must carry
 * {@code X-Requested-With} (a header no cross-site form can send).
 */
public final class AdminAuthFilter implements Filter {
    public static final String COOKIE = "br_session";
    public static final String CSRF_HEADER = "X-Requested-With";
    private static final Set<String> PUBLIC = Set.of("/api/v1/auth/login");
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final TokenService tokens;
    private final Revocations revocations;
    private final UserRepository users;

    public AdminAuthFilter(TokenService tokens, Revocations revocations, UserRepository users) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.users = users;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith("/api/") || PUBLIC.contains(path)) {
            chain.proceed();
            return;
        }
        req.context().register(authenticate(req));   // an ApiException goes to ErrorHandling
        chain.proceed();
    }

    private AdminPrincipal authenticate(RoutingRequest req) {
        Optional<String> bearer = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip());
        Optional<String> cookie = bearer.isPresent() ? Optional.empty() : req.headers().cookies().first(COOKIE).asOptional();
        String token = bearer.or(() -> cookie).orElseThrow(ApiException::unauthorized);
        if (cookie.isPresent() && !SAFE.contains(req.prologue().method()) && !req.headers().contains(HeaderNames.create(CSRF_HEADER))) {
            throw new ApiException(Status.FORBIDDEN_403, "csrf", "cookie-authenticated requests that change state need the "
                    + CSRF_HEADER + " header");
        }
        TokenService.Claims claims = tokens.verify(token).orElseThrow(ApiException::unauthorized);
        if (revocations.isRevoked(claims.tokenId())) throw ApiException.unauthorized();
        UserRecord user = users.findById(claims.userId()).orElseThrow(ApiException::unauthorized);
        if (!user.active() || !user.admin()) throw ApiException.unauthorized();
        return new AdminPrincipal(user.id(), user.username(), claims.tokenId());
    }

    /** The authenticated admin of a request that passed this filter. */
    public static AdminPrincipal principal(io.helidon.webserver.http.ServerRequest req) {
        return req.context().get(AdminPrincipal.class).orElseThrow(ApiException::unauthorized);
    }
}
