package dev.betweenrows.store;

import java.util.regex.Pattern;

/** Username rules (as BetweenRows): a letter first, then letters, digits, {@code _ . -}; 3 to 50 characters. */
public final class Usernames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,49}");

    private Usernames() {}

    public static boolean isValid(String username) {
        return username != null && VALID.matcher(username).matches();
    }

    public static String requireValid(String username) {
        if (!isValid(username)) {
            throw new IllegalArgumentException("invalid username: 3-50 characters, a letter first, then letters, digits, '_', '.' or '-'");
        }
        return username;
    }
}
