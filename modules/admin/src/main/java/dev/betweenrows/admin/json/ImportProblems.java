package dev.betweenrows.admin.json;

import java.util.List;

/** A refused import: every problem found, with its line and column in the YAML. */
public record ImportProblems(String error, String message, List<Problem> problems) {
    /** One problem. */
    public record Problem(int line, int column, String message) {}
}
