package dev.betweenrows.rewrite.scope;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Finds top-level WHERE conjuncts {@code column = constant} on an unmasked column of a base table in the same
 * SELECT's FROM clause. Such a condition is leakproof (equality with a constant raises no data-dependent error) and
 * null-rejecting, so evaluating it below the fence as well changes no result, and lets upstream use an index.
 * The constant is copied as written; every piece is checked against the client's own tokens, so a spelling the
 * neutralizer changed can never turn into a copied condition.
 */
final class PointLookups {
    private static final Set<TokenType> CONSTANTS = Set.of(TokenType.STRING, TokenType.INTEGER, TokenType.NUMERIC,
            TokenType.PARAMETER);

    /** Words that may end a WHERE clause's last conjunct. */
    private static final Set<String> FOLLOWERS = Set.of("and", "group", "order", "limit", "offset", "having",
            "window", "union", "intersect", "except", "fetch");

    private PointLookups() {}

    static void collect(SqlNode where, Scope scope, ResolveState state) {
        List<SqlNode> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        for (SqlNode c : conjuncts) {
            if (c.getKind() != SqlKind.EQUALS) continue;
            SqlCall eq = (SqlCall) c;
            SqlNode a = eq.operand(0);
            SqlNode b = eq.operand(1);
            if (a instanceof SqlIdentifier id && isConstant(b)) lookup(id, b, scope, state);
            else if (b instanceof SqlIdentifier id && isConstant(a)) lookup(id, a, scope, state);
        }
    }

    private static void flatten(SqlNode n, List<SqlNode> out) {
        if (n.getKind() == SqlKind.AND) {
            for (SqlNode o : ((SqlCall) n).getOperandList()) flatten(o, out);
        } else {
            out.add(n);
        }
    }

    private static boolean isConstant(SqlNode n) {
        return n instanceof SqlDynamicParam || (n instanceof SqlLiteral l && l.getValue() != null
                && (l.getTypeName().getFamily() != null));
    }

    private static void lookup(SqlIdentifier id, SqlNode constant, Scope scope, ResolveState state) {
        FromItem item = owner(id, scope);
        if (item == null || item.base() == null) return;
        String column = id.names.get(id.names.size() - 1);
        var policy = item.base().table().policy();
        if (!policy.isVisible(column) || policy.maskOf(column).isPresent()) return;
        String text = constantText(id, constant, state);
        if (text != null) state.lookups.add(new PointLookup(item.base(), column, text));
    }

    /** The FROM item of this SELECT (not an outer one) that certainly owns the column, or null. */
    private static FromItem owner(SqlIdentifier id, Scope scope) {
        if (id.names.size() == 2) {
            for (FromItem i : scope.items()) {
                if (id.names.get(0).equals(i.name())) return Boolean.TRUE.equals(i.columns().has(id.names.get(1))) ? i : null;
            }
            return null;
        }
        if (id.names.size() != 1) return null;
        FromItem owner = null;
        for (FromItem i : scope.items()) {
            Boolean has = i.columns().has(id.getSimple());
            if (has == null || (has && owner != null)) return null;
            if (has) owner = i;
        }
        return owner;
    }

    /** The constant's source text if the client's tokens read exactly {@code column = constant} (either order). */
    private static String constantText(SqlIdentifier id, SqlNode constant, ResolveState state) {
        int idStart = state.start(id);
        int idEnd = state.end(id.getParserPosition());
        Token value = state.source.tokenAt(state.start(constant));
        if (value == null || !CONSTANTS.contains(value.type())) return null;
        if (!value.is(TokenType.PARAMETER) && value.end() != state.end(constant.getParserPosition())) return null;
        int left = Math.min(idStart, value.start());
        int leftEnd = idStart < value.start() ? idEnd : value.end();
        Token op = state.source.tokenFrom(leftEnd);
        Token right = op == null ? null : state.source.tokenFrom(op.end());
        if (op == null || !op.is(TokenType.OPERATOR) || !op.text().equals("=")) return null;
        if (right == null || right.start() != Math.max(idStart, value.start())) return null;
        Token before = state.source.tokenBefore(left);
        if (before == null || !(before.isWord("where") || before.isWord("and"))) return null;
        Token after = state.source.tokenFrom(Math.max(idEnd, value.end()));
        if (after != null && !(after.is(TokenType.RIGHT_PAREN) || (after.is(TokenType.IDENTIFIER)
                && FOLLOWERS.contains(after.value())))) {
            return null;
        }
        return value.text();
    }
}
