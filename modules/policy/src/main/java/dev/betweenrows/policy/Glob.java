package dev.betweenrows.policy;

/**
 * A BetweenRows target pattern. The forms are exactly BetweenRows' (reference §2.3):
 * {@code "*"} matches everything; {@code "prefix*"} matches names starting with {@code prefix};
 * {@code "*suffix"} matches names ending with {@code suffix}; anything else is an exact name.
 * Matching is case-sensitive. There is no {@code ?} and no regex. Any other {@code *} is a literal
 * character: {@code "a*b"} matches only the name {@code a*b}. When a pattern both starts and ends
 * with {@code *} (e.g. {@code "*x*"}), the trailing-star rule is applied first, so it is the prefix
 * {@code "*x"} (literal star) — this keeps BetweenRows' order of checks.
 *
 * @param pattern the pattern, never blank
 */
public record Glob(String pattern) {
    public Glob {
        Checks.nonBlank(pattern, "pattern");
    }

    public static Glob of(String pattern) { return new Glob(pattern); }

    /** Whether the pattern is exactly {@code "*"}. */
    public boolean isWildcard() { return pattern.equals("*"); }

    public boolean matches(String name) {
        if (name == null) return false;
        if (isWildcard()) return true;
        if (pattern.endsWith("*")) return name.startsWith(pattern.substring(0, pattern.length() - 1));
        if (pattern.startsWith("*")) return name.endsWith(pattern.substring(1));
        return name.equals(pattern);
    }

    @Override public String toString() { return pattern; }
}
