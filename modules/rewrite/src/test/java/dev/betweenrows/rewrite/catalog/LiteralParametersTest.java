package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralParametersTest {
    private static LiteralParameters.Lifted lift(String sql) {
        return LiteralParameters.lift(sql);
    }

    @Test
    void liftsLiteralsThatAreTheWholeRightOperandOfAComparison() {
        LiteralParameters.Lifted l = lift("SELECT c.oid FROM pg_class c WHERE c.relname ~ '^(orders)$' AND c.oid = '16392' "
                + "AND ( a.attnum <> '3' ) ORDER BY 1");
        assertEquals("SELECT c.oid FROM pg_class c WHERE c.relname ~ ? AND c.oid = ? AND ( a.attnum <> ? ) ORDER BY 1",
                l.template());
        assertEquals(List.of("^(orders)$", "16392", "3"), l.values());
        assertEquals(List.of("it's"), lift("SELECT 1 FROM t WHERE x = 'it''s'").values());
    }

    @Test
    void leavesEveryOtherLiteralInPlace() {
        for (String sql : List.of(
                "SELECT 'a' FROM t",                                  // select list
                "SELECT 1 FROM t WHERE x = 'a' || 'b'",               // part of a larger operand
                "SELECT 1 FROM t WHERE 'a' = x",                      // left operand
                "SELECT 1 FROM t WHERE x = 'a' :: integer",           // cast
                "SELECT 1 FROM t WHERE x IN ( 'r' , 'p' )",           // IN list
                "SELECT CASE x WHEN 'r' THEN 'table' END FROM t",     // CASE
                "SELECT 1 FROM t WHERE f ( x ) = 'a'",                // left operand not a column
                "SELECT 1 FROM t WHERE x LIKE 'a%'")) {               // not a comparison
            assertEquals(new LiteralParameters.Lifted(sql, List.of()), lift(sql), sql);
        }
    }
}
