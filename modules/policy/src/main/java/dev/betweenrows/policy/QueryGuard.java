package dev.betweenrows.policy;

/**
 * Decides what happens to one client statement. Called by the wire for every simple-protocol Query and
 * every extended-protocol Parse; implemented by the rewrite module (the wire never sees Calcite).
 *
 * <p>Contract:
 * <ul>
 *   <li>The decision is a function of the request: the guard reads the session's
 *       {@link EffectivePolicies} and {@link CatalogSnapshot}, never the store.</li>
 *   <li>Thread-safe: many sessions call one guard concurrently.</li>
 *   <li>Fail closed: anything the guard cannot prove safe is a {@link GuardDecision.Refuse}. It should
 *       not throw; if it does, the caller must refuse the statement ({@code XX000}) and audit it as
 *       denied — never forward the original text.</li>
 *   <li>A {@link GuardDecision.Forward}'s SQL is exactly what the wire sends upstream and the audit
 *       records.</li>
 *   <li>Client-facing messages never name a policy, a hidden table or a hidden column: a hidden relation
 *       is refused exactly like a missing one ({@code 42P01}), a hidden column like a missing one
 *       ({@code 42703}).</li>
 * </ul>
 */
@FunctionalInterface
public interface QueryGuard {
    GuardDecision check(GuardRequest request);
}
