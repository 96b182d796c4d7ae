package dev.betweenrows.store;

/**
 * The editable fields of a user, replaced as a whole by {@link UserRepository#update}. The admin API
 * merges a partial request into the current {@link UserRecord#profile()} first.
 *
 * @param email       up to 320 characters, or {@code null}
 * @param displayName up to 200 characters, or {@code null}
 */
public record UserProfile(String email, String displayName, boolean admin, boolean active) {
    public UserProfile {
        if (email != null && email.length() > 320) throw new IllegalArgumentException("email longer than 320 characters");
        if (displayName != null && displayName.length() > 200)
            throw new IllegalArgumentException("display_name longer than 200 characters");
    }
}
