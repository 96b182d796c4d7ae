package dev.betweenrows.rewrite.guard;

import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.parse.PgSqlParser;
import dev.betweenrows.rewrite.parse.SourceText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Recognises a statement that reads both catalog relations and other relations, by their names alone: the
 * catalog is answered in-process and tables upstream, so one statement cannot join them. The answer does not
 * depend on whether the other relation exists or is hidden, so it reveals nothing.
 */
final class MixedStatements {
    static final String HINT = "Catalog relations (pg_catalog, information_schema) are answered by the proxy and "
            + "tables by the database, so one statement cannot combine them: query the catalog and the tables "
            + "in separate statements.";

    private MixedStatements() {}

    static boolean isMixed(String sql) {
        SqlNode node;
        try {
            node = PgSqlParser.parse(new SourceText(sql));
        } catch (ParseFailure | RuntimeException e) {
            return false;
        }
        Set<String> ctes = new HashSet<>();
        boolean[] seen = new boolean[2]; // [catalog, other]
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    for (SqlNode item : with.withList) ctes.add(((SqlWithItem) item).name.getSimple());
                }
                if (call instanceof SqlSelect select && select.getFrom() != null) from(select.getFrom());
                return super.visit(call);
            }

            private void from(SqlNode from) {
                if (from instanceof SqlJoin join) {
                    from(join.getLeft());
                    from(join.getRight());
                } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
                    from(as.operand(0));
                } else if (from instanceof SqlIdentifier id) {
                    List<String> names = id.names;
                    if (names.size() == 1 && ctes.contains(names.get(0))) return;
                    seen[isCatalog(names) ? 0 : 1] = true;
                }
            }
        });
        return seen[0] && seen[1];
    }

    private static boolean isCatalog(List<String> names) {
        String first = names.get(0).toLowerCase(Locale.ROOT);
        String last = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
        return names.size() > 1 ? first.equals("pg_catalog") || first.equals("information_schema")
                : last.startsWith("pg_");
    }
}
