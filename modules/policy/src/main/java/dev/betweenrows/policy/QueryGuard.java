package dev.betweenrows.policy;

import java.util.List;

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

    /**
     * The statements of a simple-protocol Query string, in order, each exactly as the client wrote it
     * (text between top-level semicolons; empty pieces dropped). The wire checks and runs them one by one.
     * A string holding no statement yields one blank element (answered with EmptyQueryResponse). When the
     * string cannot be split (unterminated literal or comment, unbalanced parentheses) the result is the
     * whole string as its only element, so that {@link #check} refuses it (42601) before anything runs, as
     * PostgreSQL rejects the whole string. Must not throw.
     *
     * <p>The default does not split: the guard then sees the whole text and must refuse several statements.
     */
    default List<String> split(String sql) {
        return List.of(sql);
    }
}
