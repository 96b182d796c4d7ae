package dev.betweenrows.rewrite.scope;

import dev.betweenrows.rewrite.parse.SourceText;
import org.apache.calcite.sql.SqlNode;

/**
 * Resolves every relation reference of a parsed query with PostgreSQL's scoping rules and checks column
 * references against what the user may see.
 *
 * <p>Relation resolution is exact and fails closed: a name is a CTE when an enclosing WITH defines it (so a CTE
 * shadows a table), else a visible catalog table on the proxy's search path, else {@code 42P01}. Anything the
 * walker does not understand is refused with {@code 0A000}. Column checks are a precision layer on top: a column
 * reference that is certainly absent (hidden or missing) gets PostgreSQL's {@code 42703}; where column names
 * cannot be derived (unnamed subquery expressions, functions in FROM) the check defers to PostgreSQL, which
 * only ever sees the policy-restricted derived tables, so a hidden column cannot be reached either way.
 */
public final class StatementResolver {
    private StatementResolver() {}

    public static Resolution resolve(SqlNode root, SourceText source, CatalogResolver catalog) {
        ResolveState state = new ResolveState(source, catalog);
        new QueryWalker(state).statement(root);
        return state.result();
    }
}
