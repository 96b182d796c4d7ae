package dev.betweenrows.rewrite.scope;

import dev.betweenrows.rewrite.lex.Token;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSampleSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

/** Walks query expressions and FROM clauses, keeping the scope stack; expressions go to {@link ExpressionWalker}. */
final class QueryWalker {

    /** A query's output columns and the scope its ORDER BY resolves in. */
    record Shape(Columns columns, Scope scope) {}

    private final ResolveState state;
    private final ExpressionWalker expressions;

    QueryWalker(ResolveState state) {
        this.state = state;
        this.expressions = new ExpressionWalker(state, this);
    }

    void statement(SqlNode root) {
        query(root, new Scope(null));
    }

    static boolean isQuery(SqlNode n) {
        return n != null && switch (n.getKind()) {
            case SELECT, ORDER_BY, WITH, UNION, INTERSECT, EXCEPT, VALUES, EXPLICIT_TABLE -> true;
            default -> false;
        };
    }

    Shape query(SqlNode n, Scope outer) {
        return switch (n.getKind()) {
            case SELECT -> select((SqlSelect) n, outer);
            case ORDER_BY -> orderBy((SqlOrderBy) n, outer);
            case WITH -> with((SqlWith) n, outer);
            case UNION, INTERSECT, EXCEPT -> setOperation((SqlCall) n, outer);
            case VALUES -> values((SqlCall) n, outer);
            case EXPLICIT_TABLE -> explicitTable((SqlCall) n, outer);
            default -> throw ResolveException.unsupported("query form " + n.getKind(), state.start(n));
        };
    }

    private Shape select(SqlSelect s, Scope outer) {
        Scope scope = new Scope(outer);
        if (s.getFrom() != null) from(s.getFrom(), scope, outer);
        Columns out = OutputColumns.of(s.getSelectList(), scope);
        expressions.walk(s.getSelectList(), scope);
        expressions.walk(s.getWhere(), scope);
        if (s.getWhere() != null) PointLookups.collect(s.getWhere(), scope, state);
        expressions.walk(s.getHaving(), scope);
        expressions.walk(s.getWindowList(), scope);
        expressions.walk(s.getQualify(), scope);
        // Output column names count only in GROUP BY and ORDER BY, as in PostgreSQL.
        for (String name : out.names()) scope.addOutputAlias(name);
        expressions.walk(s.getGroup(), scope);
        expressions.walk(s.getOrderList(), scope);
        expressions.walk(s.getOffset(), outer == null ? new Scope(null) : outer);
        expressions.walk(s.getFetch(), outer == null ? new Scope(null) : outer);
        return new Shape(out, scope);
    }

    private Shape orderBy(SqlOrderBy o, Scope outer) {
        Shape inner = query(o.query, outer);
        expressions.walk(o.orderList, inner.scope());
        Scope limits = outer == null ? new Scope(null) : outer;
        expressions.walk(o.offset, limits);
        expressions.walk(o.fetch, limits);
        return inner;
    }

    private Shape with(SqlWith w, Scope outer) {
        Scope scope = new Scope(outer);
        for (SqlNode node : w.withList) {
            SqlWithItem item = (SqlWithItem) node;
            String name = item.name.getSimple();
            List<String> declared = names(item.columnList);
            boolean recursive = item.recursive != null && item.recursive.booleanValue();
            if (recursive) scope.defineCte(name, declared.isEmpty() ? Columns.UNKNOWN : Columns.of(declared));
            Columns columns = query(item.query, scope).columns();
            scope.defineCte(name, declared.isEmpty() ? columns : columns.renamed(declared));
        }
        return query(w.body, scope);
    }

    private Shape setOperation(SqlCall call, Scope outer) {
        Shape first = null;
        for (SqlNode operand : call.getOperandList()) {
            Shape shape = query(operand, outer);
            if (first == null) first = shape;
        }
        return first;
    }

    private Shape values(SqlCall call, Scope outer) {
        Scope scope = outer == null ? new Scope(null) : outer;
        int width = -1;
        for (SqlNode row : call.getOperandList()) {
            expressions.walk(row, scope);
            if (width < 0 && row instanceof SqlCall r) width = r.operandCount();
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) names.add("column" + i);
        return new Shape(width < 0 ? Columns.UNKNOWN : Columns.of(names), new Scope(outer));
    }

    /** {@code TABLE t}: like {@code SELECT * FROM t}; the whole {@code TABLE t} text is replaced. */
    private Shape explicitTable(SqlCall call, Scope outer) {
        SqlIdentifier id = (SqlIdentifier) call.operand(0);
        Scope scope = new Scope(outer);
        int nameStart = state.start(id);
        Token keyword = state.source.tokenBefore(nameStart);
        if (keyword == null || !keyword.isWord("table")) throw ResolveException.unsupported("TABLE form", nameStart);
        FromItem item = relation(id, null, scope, keyword.start(), null);
        scope.add(item);
        return new Shape(item.columns(), scope);
    }

    private void from(SqlNode n, Scope scope, Scope outer) {
        if (n instanceof SqlJoin j) {
            from(j.getLeft(), scope, outer);
            from(j.getRight(), scope, outer);
            if (j.getConditionType() == JoinConditionType.ON) expressions.walk(j.getCondition(), scope);
            return;
        }
        TableReference.Sample sample = null;
        if (n.getKind() == SqlKind.TABLESAMPLE) {
            sample = sample((SqlCall) n);
            n = ((SqlCall) n).operand(0);
        }
        if (n.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) n;
            List<SqlNode> ops = as.getOperandList();
            String alias = ((SqlIdentifier) ops.get(1)).getSimple();
            List<String> columnAliases = new ArrayList<>();
            for (SqlNode c : ops.subList(2, ops.size())) columnAliases.add(((SqlIdentifier) c).getSimple());
            FromItem item = item(ops.get(0), alias, scope, outer, sample);
            Columns columns = columnAliases.isEmpty() ? item.columns() : item.columns().renamed(columnAliases);
            scope.add(new FromItem(alias, columns, item.base()));
            return;
        }
        scope.add(item(n, null, scope, outer, sample));
    }

    /**
     * {@code t [alias] TABLESAMPLE SYSTEM|BERNOULLI (p) [REPEATABLE (s)]}: the parser took only numeric literals,
     * so the clause's text is keywords and numbers; it is moved onto the base table inside the derived table.
     */
    private TableReference.Sample sample(SqlCall call) {
        int start = state.start(call);
        int sampled = state.end(call.operand(0).getParserPosition());
        Token keyword = state.source.tokenFrom(sampled);
        if (keyword == null || !keyword.isWord("tablesample")
                || !(SqlLiteral.sampleValue(call.operand(1)) instanceof SqlSampleSpec.SqlTableSampleSpec)) {
            throw ResolveException.unsupported("TABLESAMPLE form", start);
        }
        int end = state.end(call.getParserPosition());
        return new TableReference.Sample(state.source.text().substring(keyword.start(), end), sampled, end);
    }

    private FromItem item(SqlNode n, String alias, Scope scope, Scope outer, TableReference.Sample sample) {
        if (n instanceof SqlIdentifier id) return relation(id, alias, scope, -1, sample);
        if (sample != null) throw ResolveException.unsupported("TABLESAMPLE on this FROM item", state.start(n));
        return item(n, alias, scope, outer);
    }

    private FromItem item(SqlNode n, String alias, Scope scope, Scope outer) {
        if (n instanceof SqlIdentifier id) return relation(id, alias, scope, -1, null);
        if (isQuery(n)) return new FromItem(alias, query(n, outer).columns(), null);
        switch (n.getKind()) {
            case LATERAL -> {
                SqlNode inner = ((SqlCall) n).operand(0);
                if (isQuery(inner)) return new FromItem(alias, query(inner, scope).columns(), null);
                return item(inner, alias, scope, scope);
            }
            case COLLECTION_TABLE, UNNEST -> {
                Token written = state.source.tokenAt(state.start(n));
                // ONLY (t) reads as a call of a function "only"; not a shape this resolver understands.
                if (written != null && written.isWord("only")) throw ResolveException.unsupported("ONLY", state.start(n));
                // Functions in FROM see the items to their left (implicitly LATERAL).
                expressions.walk(n, scope);
                return new FromItem(alias == null ? functionName(n) : alias, Columns.UNKNOWN, null);
            }
            default -> throw ResolveException.unsupported("FROM item " + n.getKind(), state.start(n));
        }
    }

    /**
     * A name in FROM: a CTE if one is in scope (CTEs shadow tables), else a visible catalog table. {@code ONLY}
     * before it (blanked for the parser) is read from the client's tokens and replaced along with the name.
     */
    private FromItem relation(SqlIdentifier id, String alias, Scope scope, int explicitStart,
                              TableReference.Sample sample) {
        int start = state.start(id);
        if (id.isStar() || id.names.stream().anyMatch(String::isEmpty)) {
            throw ResolveException.unsupported("relation name", start);
        }
        String last = id.names.get(id.names.size() - 1);
        Token before = explicitStart >= 0 ? null : state.source.tokenBefore(start);
        boolean only = before != null && before.isWord("only");
        if (id.names.size() == 1) {
            Columns cte = scope.cte(last);
            if (cte != null) {
                if (sample != null || only) throw ResolveException.unsupported("TABLESAMPLE or ONLY on a CTE", start);
                return new FromItem(alias == null ? last : alias, cte, null);
            }
            if (last.equals("only") && !state.quoted(id, 0)) throw ResolveException.unsupported("ONLY", start);
        }
        ResolvedTable table = state.catalog.resolve(id.names, start);
        int replaceStart = explicitStart >= 0 ? explicitStart : only ? before.start() : start;
        TableReference ref = new TableReference(table, alias == null ? last : alias, alias != null, replaceStart,
                state.end(id.getParserPosition()), explicitStart >= 0, only, sample);
        state.tables.add(ref);
        List<String> visible = table.policy().visibleColumns().stream().map(c -> c.name()).toList();
        return new FromItem(ref.referenceName(), Columns.of(visible), ref);
    }

    private static String functionName(SqlNode n) {
        SqlNode call = n;
        while (call instanceof SqlBasicCall c && c.getKind() == SqlKind.COLLECTION_TABLE) call = c.operand(0);
        if (call instanceof SqlCall c) return c.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        return null;
    }

    private static List<String> names(SqlNodeList list) {
        List<String> out = new ArrayList<>();
        if (list != null) for (SqlNode n : list) out.add(((SqlIdentifier) n).getSimple());
        return out;
    }
}
