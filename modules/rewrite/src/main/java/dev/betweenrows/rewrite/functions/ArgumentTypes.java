package dev.betweenrows.rewrite.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * The argument-type list PostgreSQL prints in {@code function f(…) does not exist}: literal types as PostgreSQL
 * types them ({@code 'x'} and NULL are {@code unknown}, {@code 1} is {@code integer}, {@code 1.5} is
 * {@code numeric}); anything else is printed as {@code unknown}, which names nothing the user did not write.
 */
final class ArgumentTypes {
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal BIGINT_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ArgumentTypes() {}

    static String describe(SqlCall call) {
        List<String> types = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) types.add(typeOf(operand));
        }
        return String.join(", ", types);
    }

    private static String typeOf(SqlNode n) {
        if (n.getKind() == SqlKind.MINUS_PREFIX && n instanceof SqlCall c) return typeOf(c.operand(0));
        if (n instanceof SqlNumericLiteral num) {
            BigDecimal v = num.getValueAs(BigDecimal.class).abs();
            if (!num.isExact() || v.scale() > 0) return "numeric";
            if (v.compareTo(INT_MAX) <= 0) return "integer";
            return v.compareTo(BIGINT_MAX) <= 0 ? "bigint" : "numeric";
        }
        if (n instanceof SqlLiteral literal) {
            return switch (literal.getTypeName()) {
                case BOOLEAN -> "boolean";
                default -> "unknown";
            };
        }
        return "unknown";
    }
}
