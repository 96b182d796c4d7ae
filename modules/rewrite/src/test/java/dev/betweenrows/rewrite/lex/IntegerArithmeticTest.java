package dev.betweenrows.rewrite.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Pure cases; {@code PostgresDifferentialTest} compares the same folding with a real server. */
class IntegerArithmeticTest {
    private static OptionalLong fold(String spaced) {
        return IntegerArithmetic.fold(List.of(spaced.split(" ")));
    }

    @Test void foldsWithPrecedenceAndSigns() {
        assertEquals(OptionalLong.of(7), fold("1 + 2 * 3"));
        assertEquals(OptionalLong.of(-15), fold("- 5 * 3"));
        assertEquals(OptionalLong.of(5), fold("- - 5"));
        assertEquals(OptionalLong.of(-1), fold("1 - 1 - 1"));
    }

    @Test void integerOverflowFailsWhereBigintWouldNot() {
        assertEquals(OptionalLong.empty(), fold("2147483647 + 1"));
        assertEquals(OptionalLong.empty(), fold("2147483647 + 1 + 5000000000"));   // the integer sum fails first
        assertEquals(OptionalLong.of(5000000000L + 2147483648L), fold("5000000000 + 2147483647 + 1"));
        assertEquals(OptionalLong.of(Integer.MIN_VALUE), fold("- 2147483648"));   // negated before it is typed
        assertEquals(OptionalLong.empty(), fold("- 2147483648 - 1"));
        assertEquals(OptionalLong.empty(), fold("9223372036854775807 + 1"));
        assertEquals(OptionalLong.empty(), fold("46341 * 46341"));
    }

    @Test void anythingElseIsNotFolded() {
        assertEquals(OptionalLong.empty(), fold("9223372036854775808"));   // numeric
        assertEquals(OptionalLong.empty(), fold("1 -"));
        assertEquals(OptionalLong.empty(), fold("* 2"));
        assertEquals(OptionalLong.empty(), fold("1 / 2"));
        assertEquals(OptionalLong.empty(), fold("1.5 + 1"));
    }
}
