package dev.betweenrows.admin.auth;

import dev.betweenrows.store.Actor;

/** The admin behind a request, re-read from the store on every request. */
public record AdminPrincipal(String userId, String username, String tokenId) {
    public Actor actor() {
        return new Actor(userId, username);
    }
}
