package dev.betweenrows.store;

import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.store.yaml.PolicyDocuments;

/**
 * Policy-as-code: the governance state of a store as one YAML document (attribute definitions, roles with
 * members and parents, data sources without secrets with their grants and catalog allowlist, policies with
 * their assignments), in a stable order with names instead of ids, so it diffs well in git.
 */
public final class PolicyAsCode {
    private PolicyAsCode() {}

    /** The document; the same store state always gives the same bytes. */
    public static String export(AdminStore store) {
        return PolicyDocuments.export(store);
    }

    /**
     * Validates the whole document first (YAML errors with line and column, unknown references, invalid
     * policies: all listed in one {@link PolicyImportException}), plans create/update/delete per object
     * (delete only with {@code prune}) and, unless {@code dryRun}, applies the plan in one transaction.
     *
     * @param validator checks filter and mask expressions; {@code null} checks placeholders only
     */
    public static ImportOutcome importYaml(AdminStore store, String yaml, boolean dryRun, boolean prune, Actor actor,
                                           ExpressionValidator validator) {
        return PolicyDocuments.importYaml(store, yaml, dryRun, prune, actor, validator);
    }
}
