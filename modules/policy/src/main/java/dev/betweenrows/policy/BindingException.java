package dev.betweenrows.policy;

/**
 * A policy expression could not be bound (malformed placeholder or quoting, undefined attribute, value of
 * the wrong type) — or, from {@link EffectivePolicies#forTable}, a table's policy could not be applied.
 * The statement must then fail (fail closed); the policy is never skipped. The message names the policy
 * and attribute and is meant for the audit and the admin, <em>never</em> for a data-plane client.
 */
public final class BindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) { super(message); }

    public BindingException(String message, Throwable cause) { super(message, cause); }
}
