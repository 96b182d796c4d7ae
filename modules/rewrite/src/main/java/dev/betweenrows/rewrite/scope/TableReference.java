package dev.betweenrows.rewrite.scope;

/**
 * One base-table reference in a statement.
 *
 * @param table         the visible table it resolves to
 * @param referenceName the name columns qualify it with: the alias, else the table name
 * @param aliased       whether the FROM item carries its own alias
 * @param replaceStart  where the text to replace starts (the name, {@code ONLY}, or {@code TABLE} of {@code TABLE t})
 * @param nameEnd       offset just past the table name
 * @param explicitTable whether it is a {@code TABLE t} statement
 * @param only          whether it was written {@code ONLY t} (no inheritance children): kept inside the derived table
 * @param sample        its {@code TABLESAMPLE} clause, moved inside the derived table; null for none
 */
public record TableReference(ResolvedTable table, String referenceName, boolean aliased, int replaceStart,
                             int nameEnd, boolean explicitTable, boolean only, Sample sample) {

    /**
     * A {@code TABLESAMPLE} clause: PostgreSQL samples only tables, so it must sit on the base table inside the
     * derived table. {@code text} is the client's clause (keywords and numeric literals only, as the parser
     * accepted it); {@code [removeStart, removeEnd)} is where it stood after the alias.
     */
    public record Sample(String text, int removeStart, int removeEnd) {}

    TableReference withSample(Sample s) {
        return new TableReference(table, referenceName, aliased, replaceStart, nameEnd, explicitTable, only, s);
    }
}
