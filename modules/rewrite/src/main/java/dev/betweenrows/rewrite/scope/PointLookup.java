package dev.betweenrows.rewrite.scope;

/**
 * A top-level conjunct of the WHERE right above a base-table reference that compares one of its unmasked columns
 * with constants ({@code column = constant}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}); copying
 * it inside the fence lets upstream use an index. {@code condition} is the copy: the column's quoted name with the
 * operator and constants exactly as written, in the client's order.
 */
public record PointLookup(TableReference reference, String column, String condition) {}
