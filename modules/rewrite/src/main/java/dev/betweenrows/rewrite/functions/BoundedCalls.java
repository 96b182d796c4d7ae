package dev.betweenrows.rewrite.functions;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/** The bounded forms of otherwise refused built-ins; anything not provably within the bound is refused. */
final class BoundedCalls {
    private BoundedCalls() {}

    /** {@code pg_sleep(n)} with a numeric literal 0 ≤ n ≤ {@link SafeFunctions#MAX_SLEEP_SECONDS}. */
    static boolean sleepWithinBound(SqlCall call) {
        if (call.operandCount() != 1 || !(call.operand(0) instanceof SqlNumericLiteral n)) return false;
        BigDecimal seconds = n.getValueAs(BigDecimal.class);
        return seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(SafeFunctions.MAX_SLEEP_SECONDS)) <= 0;
    }

    /** {@code current_setting('x' [, missing_ok])} with a string literal naming a client-formatting setting. */
    static boolean readableSetting(SqlCall call) {
        if (call.operandCount() < 1 || call.operandCount() > 2) return false;
        SqlNode setting = call.operand(0);
        if (!(setting instanceof SqlLiteral literal) || literal.getTypeName() != SqlTypeName.CHAR) return false;
        if (call.operandCount() == 2 && !(call.operand(1) instanceof SqlLiteral)) return false;
        String name = literal.getValueAs(String.class).toLowerCase(Locale.ROOT);
        return SafeFunctions.READABLE_SETTINGS.contains(name);
    }
}
