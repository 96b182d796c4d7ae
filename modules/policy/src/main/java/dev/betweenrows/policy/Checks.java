package dev.betweenrows.policy;

import java.util.List;

/** Argument checks shared by the model records; messages are safe to show to an admin. */
final class Checks {
    private Checks() {}

    /** Null is an {@link IllegalArgumentException} too, so the admin API can answer every bad input with 422. */
    static <T> T required(T value, String what) {
        if (value == null) throw new IllegalArgumentException(what + " is required");
        return value;
    }

    static String nonBlank(String value, String what) {
        required(value, what);
        if (value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
        return value;
    }

    static <T> List<T> list(List<T> values, String what) {
        required(values, what);
        if (values.stream().anyMatch(v -> v == null)) throw new IllegalArgumentException(what + " must not contain null");
        return List.copyOf(values);
    }

    static <T> List<T> nonEmptyList(List<T> values, String what) {
        List<T> copy = list(values, what);
        if (copy.isEmpty()) throw new IllegalArgumentException(what + " must not be empty");
        return copy;
    }
}
