package dev.betweenrows.rewrite.enforce;

import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.rewrite.functions.FunctionPolicy;
import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.parse.PgSqlParser;
import dev.betweenrows.rewrite.parse.SourceText;
import dev.betweenrows.rewrite.scope.CatalogResolver;
import dev.betweenrows.rewrite.scope.Resolution;
import dev.betweenrows.rewrite.scope.StatementResolver;
import dev.betweenrows.rewrite.scope.TableReference;
import dev.betweenrows.rewrite.scope.TextEdit;
import dev.betweenrows.rewrite.splice.SqlNames;
import dev.betweenrows.rewrite.splice.Splicer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * Parse → resolve → splice for one query text: each base-table reference is replaced, at its parser position in
 * the client's text, by its {@link DerivedTable} under the original alias (or the table's name); schema-qualified
 * column references are re-qualified. Functions the user's text calls must pass the {@link FunctionPolicy}, and
 * allowed calls get a {@code pg_catalog.} prefix; the spliced policy expressions are admin-written and not checked
 * against it. Nothing else in the text changes.
 */
public final class StatementRewriter {
    private StatementRewriter() {}

    /**
     * @throws ParseFailure if the text does not parse
     * @throws dev.betweenrows.rewrite.scope.ResolveException if a name does not resolve, a construct is not
     *         understood or a function is not allowed
     */
    public static Rewrite rewrite(String query, CatalogResolver catalog) throws ParseFailure {
        SourceText source = new SourceText(query);
        SqlNode root = PgSqlParser.parse(source);
        Resolution resolution = StatementResolver.resolve(root, source, catalog);
        // After names: PostgreSQL, too, reports a missing relation before a missing function.
        List<TextEdit> edits = new ArrayList<>(FunctionPolicy.check(root, source));
        edits.addAll(resolution.requalifications());
        Set<AppliedPolicy> applied = new LinkedHashSet<>();
        for (TableReference ref : resolution.tables()) {
            String derived = DerivedTable.of(ref, resolution.lookups());
            String name = SqlNames.quote(ref.referenceName());
            String replacement = ref.explicitTable() ? "SELECT * FROM " + derived + " AS " + name
                    : ref.aliased() ? derived : derived + " AS " + name;
            edits.add(new TextEdit(ref.replaceStart(), ref.nameEnd(), replacement));
            if (ref.sample() != null) edits.add(new TextEdit(ref.sample().removeStart(), ref.sample().removeEnd(), ""));
            applied.addAll(ref.table().policy().applied());
        }
        return new Rewrite(Splicer.apply(query, edits), List.copyOf(applied));
    }
}
