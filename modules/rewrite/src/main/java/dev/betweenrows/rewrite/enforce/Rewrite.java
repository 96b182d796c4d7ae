package dev.betweenrows.rewrite.enforce;

import dev.betweenrows.policy.AppliedPolicy;
import java.util.List;

/** A statement rewritten for upstream, and the policies that applied to the tables it touched. */
public record Rewrite(String sql, List<AppliedPolicy> applied) {
    public Rewrite {
        applied = List.copyOf(applied);
    }
}
