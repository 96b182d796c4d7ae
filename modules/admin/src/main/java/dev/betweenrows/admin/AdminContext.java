package dev.betweenrows.admin;

import dev.betweenrows.admin.auth.Revocations;
import dev.betweenrows.admin.auth.TokenService;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AdminStore;

import java.time.Clock;

/**
 * What the admin HTTP services share: the store, live data-plane sessions, tokens, the clock, and
 * whether the listener speaks TLS (HSTS and {@code Secure} cookies then).
 */
public record AdminContext(AdminOptions options, AdminStore store, SessionRegistry sessions, TokenService tokens,
                           Revocations revocations, Clock clock, boolean tls) {
    public AdminContext(AdminOptions options, AdminStore store, SessionRegistry sessions, TokenService tokens,
                        Revocations revocations, Clock clock) {
        this(options, store, sessions, tokens, revocations, clock, false);
    }
}
