package dev.betweenrows.admin.json;

import java.time.Instant;

/** {@code {token, expires_at, user}}; the token is also set as an HttpOnly cookie for the web UI. */
public record LoginResponse(String token, Instant expiresAt, UserDto user) {}
