package dev.betweenrows.rewrite.scope;

/**
 * A relation in a SELECT's FROM clause as column references see it.
 *
 * @param name    the reference name (alias, table or CTE name), or null for an unaliased subquery
 * @param columns the exposed columns
 * @param base    the base-table reference, or null for CTEs, subqueries, functions and VALUES
 */
record FromItem(String name, Columns columns, TableReference base) {}
