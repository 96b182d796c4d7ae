package dev.betweenrows.rewrite.scope;

import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.rewrite.lex.IntegerArithmetic;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import dev.betweenrows.rewrite.splice.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Finds top-level WHERE conjuncts that compare an unmasked column of a base table in the same SELECT's FROM clause
 * with constants: {@code column op constant} or {@code constant op column} for {@code = < <= > >=}, and
 * {@code column BETWEEN constant AND constant}. Copied below the fence they change no result (they are
 * null-rejecting conjuncts of the same WHERE) and let upstream use an index, but only if they are leakproof, as
 * PostgreSQL requires below a security barrier: they must raise no error that depends on a row's value. So the
 * column's type must be one whose built-in comparison operators PostgreSQL marks leakproof ({@link #LEAKPROOF}, not
 * {@code numeric}, arrays, JSON or user types), and a date/time column is only compared with a quoted literal
 * (which takes the column's own type): a parameter may be declared another date/time type by the client, and
 * those cross-type comparisons convert the row's value and can fail on it. A {@code $n} is copied only under the
 * further conditions of {@link #copyableParameter}; integer arithmetic of literals only as {@link #integerExpression}
 * allows.
 * Constants are copied as written; every piece is checked against the client's own tokens, so a spelling the
 * neutralizer changed can never turn into a copied condition.
 */
final class PointLookups {
    private static final Set<TokenType> CONSTANTS = Set.of(TokenType.STRING, TokenType.INTEGER, TokenType.NUMERIC,
            TokenType.PARAMETER);

    private static final Set<SqlKind> ARITHMETIC = Set.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES,
            SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX);

    private static final Map<SqlKind, String> OPERATORS = Map.of(SqlKind.EQUALS, "=", SqlKind.LESS_THAN, "<",
            SqlKind.LESS_THAN_OR_EQUAL, "<=", SqlKind.GREATER_THAN, ">", SqlKind.GREATER_THAN_OR_EQUAL, ">=");

    /** Types (as {@code format_type} spells them, without a typmod) whose comparison operators are leakproof. */
    private static final Set<String> LEAKPROOF = Set.of("smallint", "integer", "bigint", "real", "double precision",
            "text", "character varying", "character", "name", "\"char\"", "boolean", "uuid", "bytea", "date",
            "timestamp without time zone", "timestamp with time zone");
    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> DATE_TIME = Set.of("date", "timestamp without time zone",
            "timestamp with time zone");

    /** Words that may end a WHERE clause's last conjunct. */
    private static final Set<String> FOLLOWERS = Set.of("and", "group", "order", "limit", "offset", "having",
            "window", "union", "intersect", "except", "fetch");

    private PointLookups() {}

    static void collect(SqlNode where, Scope scope, ResolveState state) {
        List<SqlNode> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        for (SqlNode c : conjuncts) {
            String op = OPERATORS.get(c.getKind());
            if (op != null) {
                SqlCall call = (SqlCall) c;
                SqlNode a = call.operand(0);
                SqlNode b = call.operand(1);
                if (a instanceof SqlIdentifier id && isConstant(b)) comparison(id, op, b, true, scope, state);
                else if (b instanceof SqlIdentifier id && isConstant(a)) comparison(id, op, a, false, scope, state);
            } else if (c.getKind() == SqlKind.BETWEEN && c instanceof SqlBasicCall call
                    && call.operand(0) instanceof SqlIdentifier id && isConstant(call.operand(1))
                    && isConstant(call.operand(2))) {
                between(id, call.operand(1), call.operand(2), scope, state);
            }
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
                && (l.getTypeName().getFamily() != null)) || isArithmetic(n);
    }

    /** {@code + - *} (binary or prefix) over literals: a candidate integer expression ({@link #integerExpression}). */
    private static boolean isArithmetic(SqlNode n) {
        if (!(n instanceof SqlBasicCall call) || !ARITHMETIC.contains(call.getKind())) return false;
        for (SqlNode o : call.getOperandList()) {
            if (!(o instanceof SqlLiteral) && !isArithmetic(o)) return false;
        }
        return true;
    }

    /** {@code column op constant} (or reversed) as the client's tokens read, copied in the client's order. */
    private static void comparison(SqlIdentifier id, String op, SqlNode constant, boolean columnFirst, Scope scope,
                                   ResolveState state) {
        FromItem item = copyable(id, scope);
        if (item == null) return;
        Constant value = constant(constant, state);
        if (value == null || !leakproof(item, id, value, state)) return;
        int idStart = state.start(id);
        int idEnd = state.end(id.getParserPosition());
        int left = columnFirst ? idStart : value.start();
        int leftEnd = columnFirst ? idEnd : value.end();
        int rightStart = columnFirst ? value.start() : idStart;
        int rightEnd = columnFirst ? value.end() : idEnd;
        Token opToken = state.source.tokenFrom(leftEnd);
        if (opToken == null || !opToken.is(TokenType.OPERATOR) || !opToken.text().equals(op)) return;
        Token right = state.source.tokenFrom(opToken.end());
        if (right == null || right.start() != rightStart || !standsAlone(left, rightEnd, state)) return;
        String column = SqlNames.quote(columnName(id));
        String condition = columnFirst ? column + " " + op + " " + value.text() : value.text() + " " + op + " " + column;
        state.lookups.add(new PointLookup(item.base(), columnName(id), condition));
    }

    /** {@code column BETWEEN constant AND constant}, token for token (not SYMMETRIC, not NOT BETWEEN). */
    private static void between(SqlIdentifier id, SqlNode low, SqlNode high, Scope scope, ResolveState state) {
        FromItem item = copyable(id, scope);
        if (item == null) return;
        Constant lowValue = constant(low, state);
        Constant highValue = constant(high, state);
        if (lowValue == null || highValue == null || !leakproof(item, id, lowValue, state)
                || !leakproof(item, id, highValue, state)) {
            return;
        }
        int idStart = state.start(id);
        Token word = state.source.tokenFrom(state.end(id.getParserPosition()));
        if (word == null || !word.isWord("between")) return;
        Token first = state.source.tokenFrom(word.end());
        if (first == null || first.start() != lowValue.start()) return;
        Token and = state.source.tokenFrom(lowValue.end());
        if (and == null || !and.isWord("and")) return;
        Token second = state.source.tokenFrom(and.end());
        if (second == null || second.start() != highValue.start() || !standsAlone(idStart, highValue.end(), state)) return;
        String condition = SqlNames.quote(columnName(id)) + " BETWEEN " + lowValue.text() + " AND " + highValue.text();
        state.lookups.add(new PointLookup(item.base(), columnName(id), condition));
    }

    /** The base table of this SELECT that certainly owns the column, if the column is visible and unmasked. */
    private static FromItem copyable(SqlIdentifier id, Scope scope) {
        FromItem item = owner(id, scope);
        if (item == null || item.base() == null) return null;
        var policy = item.base().table().policy();
        String column = columnName(id);
        return policy.isVisible(column) && policy.maskOf(column).isEmpty() ? item : null;
    }

    private static String columnName(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }

    /**
     * A constant as the client wrote it: one token ({@code single}), or an integer expression (single is null).
     * {@code end} is where its last token ends.
     */
    private record Constant(int start, int end, String text, Token single) {}

    /** The constant's source, if it is exactly one constant token or an {@link #integerExpression}. */
    private static Constant constant(SqlNode constant, ResolveState state) {
        Token value = state.source.tokenAt(state.start(constant));
        if (value == null) return null;
        if (isArithmetic(constant) || value.is(TokenType.OPERATOR)) {   // also a literal read with its sign: -5
            return integerExpression(value, state.end(constant.getParserPosition()), state);
        }
        if (!CONSTANTS.contains(value.type())) return null;
        if (!value.is(TokenType.PARAMETER) && value.end() != state.end(constant.getParserPosition())) return null;
        return new Constant(value.start(), value.end(), value.text(), value);
    }

    /**
     * Integer literals joined by {@code + - *} from {@code first} to {@code end}, no parentheses (so the copy
     * cannot regroup), e.g. the upper bound of {@code BETWEEN 5 AND 5 + 100}; only when PostgreSQL folds it without
     * an error ({@link IntegerArithmetic}). PostgreSQL would fold an overflowing one while planning, whatever the
     * rows, so its copy would be no oracle; but it can stop folding an AND at a constant false
     * ({@code WHERE false AND id < 2147483647 + 1}) and a copy would make such a statement fail.
     * Its type is {@code integer} or {@code bigint}, and it is only copied for an integer column.
     */
    private static Constant integerExpression(Token first, int end, ResolveState state) {
        Token last = null;
        List<String> texts = new ArrayList<>();
        for (Token t = first; t != null && t.start() < end; t = state.source.tokenFrom(t.end())) {
            if (!IntegerArithmetic.isOperator(t) && !integerLiteral(t)) return null;
            texts.add(t.text());
            last = t;
        }
        if (last == null || last.end() != end || !integerLiteral(last) || IntegerArithmetic.fold(texts).isEmpty()) {
            return null;
        }
        return new Constant(first.start(), end, String.join(" ", texts), null);   // no comment is copied
    }

    private static boolean leakproof(FromItem item, SqlIdentifier id, Constant constant, ResolveState state) {
        String column = columnName(id);
        String type = null;
        for (ColumnInfo c : item.base().table().policy().visibleColumns()) {
            if (c.name().equals(column)) type = baseType(c.pgType());
        }
        if (type == null || !LEAKPROOF.contains(type)) return false;
        Token value = constant.single();
        if (value == null) return INTEGERS.contains(type);
        if (value.is(TokenType.PARAMETER)) return !DATE_TIME.contains(type) && copyableParameter(value, state);
        if (INTEGERS.contains(type) && !integerLiteral(value)) return value.is(TokenType.STRING);
        return !DATE_TIME.contains(type) || value.is(TokenType.STRING);
    }

    /**
     * A number an integer column is compared with by a leakproof integer operator: a decimal integer that fits
     * {@code bigint} ({@code 1.5} or a larger integer is {@code numeric}, and numeric comparisons are not leakproof).
     */
    private static boolean integerLiteral(Token value) {
        if (!value.is(TokenType.INTEGER)) return false;
        try {
            Long.parseLong(value.text());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A {@code $n} may be copied only when the copy cannot change its type or convert the row's value:
     * <ul>
     * <li>it occurs once in the statement. PostgreSQL types an unspecified parameter at its first use and analyses
     * FROM (where the copy sits) before the select list and WHERE, so a copy of a parameter used elsewhere too
     * ({@code SELECT $1 + 0.0 … WHERE id <= $1}) could give it another type, and another result;</li>
     * <li>its declared type, if any, is one whose comparison with any leakproof column type converts no row value
     * in a way that can fail ({@link CatalogResolver#uncopyable}: not {@code oid} or the {@code reg*} types, to
     * which a {@code bigint} column would be cast, failing on values outside the OID range).</li>
     * </ul>
     */
    private static boolean copyableParameter(Token parameter, ResolveState state) {
        int n = CatalogResolver.parameterNumber(parameter);
        if (n < 1 || state.catalog.uncopyableParameters().contains(n)) return false;
        int uses = 0;
        for (Token t : state.source.tokens()) {
            if (t.is(TokenType.PARAMETER) && CatalogResolver.parameterNumber(t) == n) uses++;   // $01 is $1
        }
        return uses == 1;
    }

    /** {@code character varying(20)} → {@code character varying}; {@code timestamp(3) with time zone} too. */
    private static String baseType(String pgType) {
        return pgType.replaceAll("\\(\\d+(,\\s*\\d+)?\\)", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Preceded by WHERE or AND and followed by the end, a closing parenthesis or a clause keyword. */
    private static boolean standsAlone(int start, int end, ResolveState state) {
        Token before = state.source.tokenBefore(start);
        if (before == null || !(before.isWord("where") || before.isWord("and"))) return false;
        Token after = state.source.tokenFrom(end);
        return after == null || after.is(TokenType.RIGHT_PAREN)
                || (after.is(TokenType.IDENTIFIER) && FOLLOWERS.contains(after.value()));
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
}
