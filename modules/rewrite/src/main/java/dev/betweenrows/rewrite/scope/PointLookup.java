package dev.betweenrows.rewrite.scope;

/**
 * A top-level conjunct {@code column = constant} of the WHERE right above a base-table reference; copying it
 * inside the fence lets upstream use an index. {@code valueText} is the constant exactly as written.
 */
public record PointLookup(TableReference reference, String column, String valueText) {}
