package dev.betweenrows.store;

/**
 * One reason a policy document cannot be imported. {@code line} and {@code column} count from 1 and are 0
 * when the problem has no place in the document (a conflict found while applying, say).
 */
public record ImportProblem(int line, int column, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
}
