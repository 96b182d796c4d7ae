package dev.betweenrows.rewrite;

import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.QueryGuardProvider;
import dev.betweenrows.rewrite.guard.CalciteQueryGuard;
import java.util.Arrays;
import java.util.List;

/**
 * The Calcite-based statement guard. Option {@code search_path} (comma-separated exposed schema names, default
 * {@code public}) is the proxy's fixed search path for unqualified names; the upstream's is never used.
 */
public final class CalciteQueryGuardProvider implements QueryGuardProvider {
    @Override
    public String name() {
        return "calcite";
    }

    @Override
    public QueryGuard create(GuardContext context) {
        List<String> searchPath = Arrays.stream(context.options().getOrDefault("search_path", "public").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CalciteQueryGuard(context.serverVersion(), searchPath, context.rewriteCacheSize());
    }
}
