package dev.betweenrows.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A policy as stored (one version of it). Validation follows BetweenRows §2.2, made strict:
 * <ul>
 *   <li>name: 1–100 characters of {@code [A-Za-z0-9 _-.:()'"]}, no leading or trailing space;</li>
 *   <li>targets: non-empty; {@code column_mask/column_allow/column_deny} need columns in every entry,
 *       {@code row_filter/table_deny} must have none;</li>
 *   <li>expression: required (non-blank) for {@code row_filter} and {@code column_mask}, and must be
 *       {@code null} for the other types (BetweenRows accepted and ignored it; the admin API may still
 *       accept the old shape but must clear it before building a {@code Policy}).</li>
 * </ul>
 * The expression is kept as template text; {@link ExpressionTemplate} checks its placeholders and binds
 * them. A disabled policy never applies.
 *
 * @param id         stable id (UUID string)
 * @param name       unique display name; appears in the audit, never in data-plane errors
 * @param type       the policy type
 * @param targets    target entries, OR-ed
 * @param expression filter or mask template text, or {@code null}
 * @param enabled    whether the policy applies at all
 * @param version    optimistic-concurrency version (≥ 1), recorded in the audit
 */
public record Policy(String id, String name, PolicyType type, List<Target> targets, String expression,
                     boolean enabled, long version) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _\\-.:()'\"]{1,100}");
    /** Longest expression accepted; guards the binder and the parser against absurd input. */
    public static final int MAX_EXPRESSION_LENGTH = 10_000;

    public Policy {
        Checks.nonBlank(id, "id");
        checkName(name);
        Checks.required(type, "type");
        targets = Checks.nonEmptyList(targets, "targets");
        for (Target t : targets) {
            if (type.targetsColumns() && t.columns().isEmpty())
                throw new IllegalArgumentException(type.jsonName() + " targets need columns");
            if (!type.targetsColumns() && !t.columns().isEmpty())
                throw new IllegalArgumentException(type.jsonName() + " targets must not list columns");
        }
        if (type.hasExpression()) {
            Checks.nonBlank(expression, "expression");
            if (expression.length() > MAX_EXPRESSION_LENGTH)
                throw new IllegalArgumentException("expression longer than " + MAX_EXPRESSION_LENGTH);
        } else if (expression != null) {
            throw new IllegalArgumentException(type.jsonName() + " takes no expression");
        }
        if (version < 1) throw new IllegalArgumentException("version must be >= 1");
    }

    /** Throws {@link IllegalArgumentException} unless {@code name} is a valid policy name. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || !name.strip().equals(name))
            throw new IllegalArgumentException(
                    "name must be 1-100 characters of letters, digits, space, _ - . : ( ) ' \" without surrounding spaces");
    }

    /** The expression as a template, or {@code null} for types without one. */
    public ExpressionTemplate template() {
        return expression == null ? null : ExpressionTemplate.of(expression);
    }

    /** What the audit records about this policy. */
    public AppliedPolicy applied() { return new AppliedPolicy(id, name, version, type); }
}
