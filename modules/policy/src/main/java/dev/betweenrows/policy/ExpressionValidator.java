package dev.betweenrows.policy;

import java.util.Optional;

/**
 * Service interface: checks that a policy expression is one well-formed SQL expression, so the admin API
 * can answer 422 at save time instead of every query failing later. Implemented by the rewrite module
 * (Calcite, the same parser setup the guard uses) and found with {@link java.util.ServiceLoader}.
 *
 * <p>The expression handed in has its {@code {user.*}} placeholders already bound to literals (see
 * {@link ExpressionTemplate#bind}); the validator checks syntax only, not names or types.
 */
public interface ExpressionValidator {

    /**
     * Why the expression is not acceptable, or empty when it is.
     *
     * @param expression a filter ({@code isMask == false}, used as a WHERE condition) or a mask
     *                   ({@code isMask == true}, used as a select-list value)
     * @return a message fit for the admin (it may quote the expression, never anything else)
     */
    Optional<String> problem(String expression, boolean isMask);
}
