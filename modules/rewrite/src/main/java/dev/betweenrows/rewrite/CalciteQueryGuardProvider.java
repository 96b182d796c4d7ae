package dev.betweenrows.rewrite;

import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.QueryGuardProvider;

/**
 * The statement guard. Until the Calcite rewrite lands, it refuses every statement (fail closed):
 * nothing reaches an upstream unless a rewrite has proven it safe.
 */
public final class CalciteQueryGuardProvider implements QueryGuardProvider {
    @Override
    public String name() {
        return "calcite";
    }

    @Override
    public QueryGuard create(GuardContext context) {
        return request -> new GuardDecision.Refuse("0A000", "statement not supported", "guard not yet implemented");
    }
}
