/**
 * BetweenRows' policy API: the policy model, its resolution for one user on one data source, template
 * binding, the statement-guard SPI and the live-session registry.
 *
 * <h2>Model</h2>
 * {@link dev.betweenrows.policy.Policy} (5 {@link dev.betweenrows.policy.PolicyType types},
 * {@link dev.betweenrows.policy.Target targets} with BetweenRows' {@link dev.betweenrows.policy.Glob glob}
 * rules), {@link dev.betweenrows.policy.Assignment}, {@link dev.betweenrows.policy.AccessGrant},
 * {@link dev.betweenrows.policy.RoleGraph} (role DAG, active flags, memberships),
 * {@link dev.betweenrows.policy.AttributeDefinition} and {@link dev.betweenrows.policy.UserContext}.
 * All records are immutable and validated on construction ({@link java.lang.IllegalArgumentException}
 * with a message fit for a 422 response).
 *
 * <h2>Resolution</h2>
 * {@link dev.betweenrows.policy.EffectivePolicies#resolve} then
 * {@link dev.betweenrows.policy.EffectivePolicies#forTable}; the Javadoc of
 * {@link dev.betweenrows.policy.EffectivePolicies} states every combination rule and tie-break.
 * {@link dev.betweenrows.policy.ExpressionTemplate} states the binding rules.
 *
 * <h2>Guard SPI</h2>
 * The wire calls {@link dev.betweenrows.policy.QueryGuard#check} with a
 * {@link dev.betweenrows.policy.GuardRequest} and acts on the
 * {@link dev.betweenrows.policy.GuardDecision}; the rewrite module provides the guard through
 * {@link dev.betweenrows.policy.QueryGuardProvider}.
 *
 * <p>Pure Java: no I/O, no third-party code.
 */
package dev.betweenrows.policy;
