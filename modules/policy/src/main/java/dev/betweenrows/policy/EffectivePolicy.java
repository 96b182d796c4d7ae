package dev.betweenrows.policy;

/**
 * A policy that reaches the user on a data source, with the rank of its best assignment.
 *
 * @param policy   the (enabled) policy
 * @param priority lowest priority among the assignments that reach the user
 * @param scope    best scope among those assignments with that priority
 * @param bound    the bound expression, or {@code null} for types without one or when binding failed
 * @param bindingError why binding failed (audit/admin only), or {@code null}
 */
public record EffectivePolicy(Policy policy, int priority, Scope scope, BoundExpression bound, String bindingError) {
    public EffectivePolicy {
        Checks.required(policy, "policy");
        Checks.required(scope, "scope");
        if (policy.type().hasExpression() && (bound == null) == (bindingError == null))
            throw new IllegalArgumentException("exactly one of bound and bindingError for " + policy.type().jsonName());
    }

    /** Whether the policy cannot be applied; tables it targets then fail closed. */
    public boolean broken() { return bindingError != null; }
}
