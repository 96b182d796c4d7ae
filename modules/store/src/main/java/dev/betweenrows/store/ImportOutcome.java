package dev.betweenrows.store;

import java.util.List;

/** What an import did (or, for a dry run, would do): the plan, and whether it was applied. */
public record ImportOutcome(List<PlannedChange> plan, boolean applied) {
    public ImportOutcome {
        plan = List.copyOf(plan);
    }
}
