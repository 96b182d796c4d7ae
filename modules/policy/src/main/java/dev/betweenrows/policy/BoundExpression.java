package dev.betweenrows.policy;

import java.util.Map;

/**
 * A policy expression with every {@code {user.*}} placeholder replaced by a SQL literal.
 *
 * @param sql         the expression text to splice into the rewritten statement (still to be parsed)
 * @param literals    placeholder key → the literal text that replaced it
 * @param fingerprint hex SHA-256 over the sorted {@code literals}: equal fingerprints for the same
 *                    template mean equal {@code sql}
 */
public record BoundExpression(String sql, Map<String, String> literals, String fingerprint) {
    public BoundExpression {
        Checks.nonBlank(sql, "sql");
        literals = Map.copyOf(literals);
        Checks.nonBlank(fingerprint, "fingerprint");
    }
}
