package dev.betweenrows.rewrite.scope;

/**
 * One base-table reference in a statement.
 *
 * @param table         the visible table it resolves to
 * @param referenceName the name columns qualify it with: the alias, else the table name
 * @param aliased       whether the FROM item carries its own alias
 * @param replaceStart  where the text to replace starts (the name, or {@code TABLE} of {@code TABLE t})
 * @param nameEnd       offset just past the table name
 * @param explicitTable whether it is a {@code TABLE t} statement
 */
public record TableReference(ResolvedTable table, String referenceName, boolean aliased, int replaceStart,
                             int nameEnd, boolean explicitTable) {}
