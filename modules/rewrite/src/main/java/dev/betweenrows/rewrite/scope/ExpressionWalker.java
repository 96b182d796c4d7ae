package dev.betweenrows.rewrite.scope;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWindow;

/**
 * Walks value expressions: subqueries go back to the {@link QueryWalker} with the current scope as their outer
 * scope (correlation), identifiers are checked as column references.
 */
final class ExpressionWalker {

    /** Reserved words PostgreSQL reads as functions without parentheses; Babel leaves them identifiers. */
    private static final Set<String> NILADIC = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_user", "current_role", "session_user", "user", "system_user",
            "current_catalog", "current_schema");

    private final ResolveState state;
    private final QueryWalker queries;
    private final ColumnChecker columns;

    ExpressionWalker(ResolveState state, QueryWalker queries) {
        this.state = state;
        this.queries = queries;
        this.columns = new ColumnChecker(state);
    }

    void walk(SqlNode n, Scope scope) {
        if (n == null || n instanceof SqlLiteral || n instanceof SqlDynamicParam || n instanceof SqlDataTypeSpec
                || n instanceof SqlIntervalQualifier) {
            return;
        }
        if (n instanceof SqlIdentifier id) {
            if (id.isSimple() && NILADIC.contains(id.getSimple()) && !state.quoted(id, 0)) return;
            columns.check(id, scope);
            return;
        }
        if (n instanceof SqlNodeList list) {
            for (SqlNode item : list) walk(item, scope);
            return;
        }
        if (QueryWalker.isQuery(n)) {
            queries.query(n, scope);
            return;
        }
        if (n instanceof SqlWindow w) {
            walk(w.getPartitionList(), scope);
            walk(w.getOrderList(), scope);
            walk(w.getLowerBound(), scope);
            walk(w.getUpperBound(), scope);
            return;
        }
        if (n instanceof SqlCall call) {
            call(call, scope);
            return;
        }
        throw ResolveException.unsupported("expression " + n.getKind(), state.start(n));
    }

    private void call(SqlCall call, Scope scope) {
        List<SqlNode> operands = call.getOperandList();
        switch (call.getKind()) {
            case AS -> walk(operands.get(0), scope);
            case OVER -> {
                walk(operands.get(0), scope);
                if (!(operands.get(1) instanceof SqlIdentifier)) walk(operands.get(1), scope); // else a window name
            }
            case JOIN, LATERAL, COLLECTION_TABLE, TABLESAMPLE, WITH_ITEM -> {
                if (call.getKind() == SqlKind.COLLECTION_TABLE) {
                    for (SqlNode o : operands) walk(o, scope);
                } else {
                    throw ResolveException.unsupported("construct " + call.getKind(), state.start(call));
                }
            }
            default -> {
                for (SqlNode o : operands) walk(o, scope);
            }
        }
    }
}
