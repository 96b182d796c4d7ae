package dev.betweenrows.store;

import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;

import java.util.List;

/**
 * The content of a policy to create or to replace: validated exactly as {@link Policy} validates.
 * {@code description} may be {@code null} (at most 2000 characters).
 */
public record PolicyDraft(String name, PolicyType type, String description, List<Target> targets,
                          String expression, boolean enabled) {
    public PolicyDraft {
        if (description != null && description.length() > 2000)
            throw new IllegalArgumentException("description longer than 2000 characters");
        targets = targets == null ? null : List.copyOf(targets);
        new Policy("draft", name, type, targets, expression, enabled, 1);   // validates name, targets and expression
    }

    public Policy toPolicy(String id, long version) {
        return new Policy(id, name, type, targets, expression, enabled, version);
    }
}
