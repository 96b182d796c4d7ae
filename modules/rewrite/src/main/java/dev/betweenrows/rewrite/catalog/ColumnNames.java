package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * The result column names PostgreSQL would give unaliased select items (Calcite says {@code EXPR$n}): a
 * function call is named after the function, a CASE {@code case}, a cast after its operand, else
 * {@code ?column?}. Taken from the first SELECT of a set operation, as PostgreSQL does.
 */
final class ColumnNames {
    private ColumnNames() {}

    static List<String> of(SqlNode query) {
        SqlNode q = query instanceof SqlOrderBy ob ? ob.query : query;
        while (q instanceof SqlCall call && !(q instanceof SqlSelect) && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
            q = call.operand(0);
        }
        List<String> names = new ArrayList<>();
        if (!(q instanceof SqlSelect select)) return names;
        for (SqlNode item : select.getSelectList()) names.add(name(item));
        return names;
    }

    private static String name(SqlNode item) {
        if (item instanceof SqlIdentifier id) return id.isStar() ? "?column?" : id.names.get(id.names.size() - 1);
        if (item instanceof SqlCall call) {
            return switch (call.getKind()) {
                case AS -> name(call.operand(1));
                case CASE -> "case";
                case CAST -> {
                    String inner = name(call.operand(0));
                    yield inner.equals("?column?") ? call.operand(1).toString().toLowerCase(Locale.ROOT) : inner;
                }
                default -> call instanceof SqlBasicCall b && b.getOperator().getSyntax()
                        == org.apache.calcite.sql.SqlSyntax.FUNCTION || call.getKind() == SqlKind.OTHER_FUNCTION
                        ? call.getOperator().getName().toLowerCase(Locale.ROOT) : "?column?";
            };
        }
        return "?column?";
    }
}
