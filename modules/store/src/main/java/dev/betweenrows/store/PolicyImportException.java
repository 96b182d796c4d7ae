package dev.betweenrows.store;

import java.util.List;

/**
 * A policy document was refused: every problem found, with line and column where known. Nothing was
 * changed. The admin API answers it with 422.
 */
public class PolicyImportException extends IllegalArgumentException {
    private final transient List<ImportProblem> problems;

    public PolicyImportException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the policy document: " + problems.getFirst()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
