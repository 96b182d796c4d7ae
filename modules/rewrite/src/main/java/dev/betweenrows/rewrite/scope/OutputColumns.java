package dev.betweenrows.rewrite.scope;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * The column names a SELECT list produces, as far as they can be told without types: aliases, column names,
 * {@code *} and {@code t.*} expansions, casts of columns. Other expressions get PostgreSQL's placeholder name and
 * make the list incomplete (see {@link Columns}).
 */
final class OutputColumns {
    private static final String UNNAMED = "?column?";

    private OutputColumns() {}

    static Columns of(SqlNodeList selectList, Scope scope) {
        Columns out = Columns.of(List.of());
        for (SqlNode item : selectList) out = out.plus(item(item, scope));
        return out;
    }

    private static Columns item(SqlNode item, Scope scope) {
        if (item.getKind() == SqlKind.AS) {
            List<SqlNode> ops = ((SqlCall) item).getOperandList();
            return Columns.of(List.of(((SqlIdentifier) ops.get(1)).getSimple()));
        }
        if (item instanceof SqlIdentifier id) return identifier(id, scope);
        if (item.getKind() == SqlKind.CAST && ((SqlCall) item).operand(0) instanceof SqlIdentifier id
                && !id.isStar()) {
            return Columns.of(List.of(last(id)));
        }
        return new Columns(List.of(UNNAMED), false);
    }

    private static Columns identifier(SqlIdentifier id, Scope scope) {
        if (!id.isStar()) return Columns.of(List.of(last(id)));
        if (id.names.size() == 1) {
            Columns all = Columns.of(List.of());
            for (FromItem i : scope.items()) all = all.plus(i.columns());
            return all;
        }
        FromItem item = scope.item(id.names.get(id.names.size() - 2));
        return item == null ? Columns.UNKNOWN : item.columns();
    }

    private static String last(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }
}
