package dev.betweenrows.admin.auth;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Bodies;
import dev.betweenrows.admin.json.LoginRequest;
import dev.betweenrows.admin.json.LoginResponse;
import dev.betweenrows.admin.json.UserDto;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminAuditRepository;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;

import java.time.Clock;
import java.util.Optional;

/**
 * {@code /api/v1/auth}: login, me, logout. Wrong password, unknown user, inactive user and
 * non-admin all get the same 401 after the same amount of work (BetweenRows' 403 for non-admins
 * confirms the password). Logins and failed logins are admin-audited.
 */
public final class AuthService implements HttpService {
    private final UserRepository users;
    private final AdminAuditRepository audit;
    private final TokenService tokens;
    private final Revocations revocations;
    private final LoginLimiter limiter;
    private final boolean secureCookie;
    private final Clock clock;

    public AuthService(UserRepository users, AdminAuditRepository audit, TokenService tokens, Revocations revocations,
                       LoginLimiter limiter, boolean secureCookie, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.tokens = tokens;
        this.revocations = revocations;
        this.limiter = limiter;
        this.secureCookie = secureCookie;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
             .get("/me", this::me)
             .post("/logout", this::logout);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = Bodies.json(req, LoginRequest.class);
        String username = body.username() == null ? "" : body.username().strip();
        char[] password = body.password() == null ? new char[0] : body.password().toCharArray();
        String address = req.remotePeer().host();
        long wait = limiter.retryAfterSeconds(username, address);
        if (wait > 0) {
            res.header("Retry-After", Long.toString(wait));
            throw new ApiException(Status.TOO_MANY_REQUESTS_429, "too_many_attempts",
                    "too many failed sign-ins; try again in " + wait + " s");
        }
        Optional<UserRecord> user = username.length() > 64 ? Optional.empty() : users.findByUsername(username);
        // the same verification work whether or not the user exists
        boolean passwordOk = Passwords.matches(password, user.map(UserRecord::passwordVerifier).orElse(Passwords.decoyVerifier()));
        java.util.Arrays.fill(password, '\0');
        if (user.isEmpty() || !passwordOk || !user.get().active() || !user.get().admin()) {
            limiter.failed(username, address);
            audit.append(Actor.SYSTEM, "login_failed", "user", user.map(UserRecord::id).orElse(null),
                    detail(user.isPresent() ? username : null, address));
            throw new ApiException(Status.UNAUTHORIZED_401, "invalid_credentials", "invalid username or password");
        }
        UserRecord u = user.get();
        limiter.succeeded(username, address);
        users.recordLogin(u.id(), clock.instant());
        audit.append(new Actor(u.id(), u.username()), "login", "user", u.id(), detail(u.username(), address));
        TokenService.Issued issued = tokens.issue(u.id(), u.username());
        res.headers().addCookie(SetCookie.builder(AdminAuthFilter.COOKIE, issued.token())
                .httpOnly(true).secure(secureCookie).path("/").sameSite(SetCookie.SameSite.STRICT)
                .maxAge(tokens.lifetime()).build());
        res.send(new LoginResponse(issued.token(), issued.expiresAt(), UserDto.of(users.findById(u.id()).orElse(u))));
    }

    private void me(ServerRequest req, ServerResponse res) {
        AdminPrincipal p = AdminAuthFilter.principal(req);
        res.send(UserDto.of(users.findById(p.userId()).orElseThrow(ApiException::unauthorized)));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        AdminPrincipal p = AdminAuthFilter.principal(req);
        revocations.revoke(p.tokenId(), clock.instant().plus(tokens.lifetime()));
        audit.append(p.actor(), "logout", "user", p.userId(), "{}");
        res.headers().addCookie(SetCookie.builder(AdminAuthFilter.COOKIE, "").httpOnly(true).secure(secureCookie)
                .path("/").sameSite(SetCookie.SameSite.STRICT).maxAge(java.time.Duration.ZERO).build());
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String detail(String username, String address) {
        var b = Json.createObjectBuilder().add("address", address);
        if (username != null) b.add("username", username);
        return b.build().toString();
    }
}
