package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.rewrite.enforce.StatementRewriter;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import dev.betweenrows.rewrite.lex.TokenType;
import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.scope.CatalogResolver;
import dev.betweenrows.rewrite.scope.ResolveException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statements built to make a literal-shape template answer differently from the statement's own rewrite: a
 * literal some reader of the text does not see as one plain token, a key two different texts share, a nonce that
 * shows up outside a sentinel token.
 */
class LiteralShapeAdversarialTest {
    private static final LiteralShape.Sentinels SENTINELS = new LiteralShape.Sentinels(42);

    private static LiteralShape shape(String sql) {
        return LiteralShape.of(StatementSplitter.single(sql), SENTINELS);
    }

    /** {@code 0x1F}, {@code 1_000}: Calcite reads a name (42703), PostgreSQL 16 a number, before 16 a number and an alias. */
    @Test void nonDecimalIntegersAreNotOpaque() {
        for (String v : List.of("0x1F", "0b101", "0o17", "1_000", "0x1.5")) {
            assertNull(shape("SELECT amount FROM orders WHERE id = " + v), v);
        }
        CalciteQueryGuard guard = Shop.guard();
        assertInstanceOf(Forward.class, Shop.check(guard, "SELECT amount FROM orders WHERE id = 1"));
        Refuse r = assertInstanceOf(Refuse.class, Shop.check(guard, "SELECT amount FROM orders WHERE id = 0x1F"));
        assertEquals("42703", r.sqlState());
    }

    /** A string continued on the next line (a comment may sit in between) is one token to us and PostgreSQL, not to Calcite. */
    @Test void continuedStringsAreNotOpaque() {
        assertEquals(List.of("1"), shape("SELECT amount FROM orders WHERE status = 'a'\n'b' AND id = 1").literals());
        assertEquals(List.of("1"), shape("SELECT amount FROM orders WHERE status = 'a' -- x\n'b' AND id = 1").literals());
        assertEquals(List.of("'it''s'", "''"), shape("SELECT amount FROM orders WHERE status = 'it''s' OR status = ''").literals());
        assertSameAsOwnRewrite("SELECT amount FROM orders WHERE status = 'a'",
                "SELECT amount FROM orders WHERE status = 'a' -- x\n'b'");
        assertSameAsOwnRewrite("SELECT amount FROM orders WHERE status = 'a'\n'b' AND id = 1",
                "SELECT amount FROM orders WHERE status = 'a'\n'c' AND id = 1");
    }

    /** NUL marks literals in the key, so a NUL in the text could make the key of a text with fewer literals. */
    @Test void aTextWithANulHasNoShape() {
        String nul = "SELECT amount FROM orders WHERE id = \u0000i AND amount > 7";
        assertNull(shape(nul));
        CalciteQueryGuard guard = Shop.guard();
        assertInstanceOf(Forward.class, Shop.check(guard, "SELECT amount FROM orders WHERE id = 1 AND amount > 2"));
        GuardDecision d = Shop.check(guard, nul);
        Refuse r = assertInstanceOf(Refuse.class, d);
        assertNotEquals("XX000", r.sqlState(), r.toString()); // was: IndexOutOfBoundsException inside the guard
    }

    /** After a dot a keyword is a name: {@code s.in(…)} is a call and its arguments are the function policy's business. */
    @Test void wordsAfterADotAreNames() {
        assertNull(shape("SELECT s.in(1, 2) FROM orders s"));
        assertNull(shape("SELECT o.like 'x' FROM orders o"));
        assertEquals(List.of("1", "2"), shape("SELECT id FROM orders WHERE id IN (1, 2)").literals());
    }

    /** A copy of a sentinel that is not a whole token would keep the sentinel (and send the nonce upstream). */
    @Test void theNonceOutsideASentinelTokenGivesNoTemplate() {
        String number = SENTINELS.of(TokenType.INTEGER, 0);
        String string = SENTINELS.of(TokenType.STRING, 1);
        String clean = "SELECT a FROM t WHERE id = " + number + " AND b = " + string;
        assertNotNull(ShapeTemplate.of(clean, 2, SENTINELS, List.of()));
        assertNull(ShapeTemplate.of(clean + " /* " + number + " */", 2, SENTINELS, List.of()));
        assertNull(ShapeTemplate.of(clean + " AND c = " + number + ".5", 2, SENTINELS, List.of()));
        assertNull(ShapeTemplate.of(clean + " AND \"" + string.substring(1, string.length() - 1) + "\" = 1", 2, SENTINELS, List.of()));
        assertEquals("SELECT a FROM t WHERE id = 7 AND b = 'x'",
                ShapeTemplate.of(clean, 2, SENTINELS, List.of()).fill(List.of("7", "'x'")));
    }

    /**
     * The integer nonce is wide (no policy constant anyone writes is a sentinel), yet every sentinel is a bigint, as
     * every integer literal that may stand in a shape is: the rewrite copies bigint comparisons inside a fence and
     * not numeric ones, so a sentinel must be read as the literals it stands for.
     */
    @Test void integerSentinelsAreWideBigints() {
        String number = SENTINELS.of(TokenType.INTEGER, 0);
        assertEquals(14, number.length(), number);
        assertNotEquals(number, new LiteralShape.Sentinels(43).of(TokenType.INTEGER, 0));
        for (int slot : new int[]{0, 9, 10, 99_999, 999_999}) {
            Long.parseLong(SENTINELS.of(TokenType.INTEGER, slot));
        }
    }

    /** Each pair: the second statement, answered from the first's template, gets exactly its own rewrite or refusal. */
    @Test void trickyLiteralsGetTheirOwnRewrite() {
        String[][] pairs = {
            {"SELECT amount FROM orders WHERE id = 'a'", "SELECT amount FROM orders WHERE id = ' '' OR 1=1 --'"},
            {"SELECT amount FROM orders WHERE id = 'a'", "SELECT amount FROM orders WHERE id = 'a\\'"},
            {"SELECT amount FROM orders WHERE id = 'a'", "SELECT amount FROM orders WHERE id = '/*'"},
            {"SELECT amount FROM orders WHERE id = 'a'", "SELECT amount FROM orders WHERE id = '$$'"},
            {"SELECT amount FROM orders WHERE id = 'a'", "SELECT amount FROM orders WHERE id = '€ü😀'"},
            {"SELECT amount FROM orders WHERE id = 1", "SELECT amount FROM orders WHERE id = 99999999999999999999999999"},
            {"SELECT amount FROM orders WHERE id = 1", "SELECT amount FROM orders WHERE id = 1--x"},
            {"SELECT amount FROM orders WHERE id =1", "SELECT amount FROM orders WHERE id =01"},
            {"SELECT amount FROM orders WHERE status = 'a' AND customer_id IN (SELECT id FROM customers WHERE name = 'y')",
                "SELECT amount FROM orders WHERE status = 'a\r\nb' AND customer_id IN (SELECT id FROM customers WHERE name = '\ry\n')"},
            {"SELECT o.amount FROM orders o WHERE o.status = 'a' AND o.id = 1", "SELECT o.amount FROM orders o WHERE o.status = 'a\n\n' AND o.id = 2"},
            {"SELECT amount FROM orders WHERE status = 'a' AND ssn2 = 1", "SELECT amount FROM orders WHERE status = 'a\n\n' AND ssn2 = 1"},
            {"SELECT id FROM orders LIMIT 1 OFFSET 2", "SELECT id FROM orders LIMIT 100000000000000000000000 OFFSET 0"},
            {"SELECT sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM orders",
                "SELECT sum(amount) OVER (ORDER BY id ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM orders"},
            {"SELECT id FROM orders WHERE id IN (1, 2) ORDER BY 1", "SELECT id FROM orders WHERE id IN (3, 4) ORDER BY 1"},
            {"SELECT id FROM orders WHERE status LIKE 'a' ESCAPE '!'", "SELECT id FROM orders WHERE status LIKE 'b%' ESCAPE '!'"},
            {"SELECT id FROM orders WHERE amount BETWEEN SYMMETRIC 1 AND 2", "SELECT id FROM orders WHERE amount BETWEEN SYMMETRIC 5 AND 2"},
            {"SELECT id FROM customers WHERE ssn = '1'", "SELECT id FROM customers WHERE ssn = '2'"},
            {"SELECT id FROM orders WHERE id = 1 UNION SELECT id FROM secrets WHERE id = 2",
                "SELECT id FROM orders WHERE id = 3 UNION SELECT id FROM secrets WHERE id = 4"},
            {"SELECT o.id FROM orders o JOIN customers c ON c.id = 1 AND o.id = 2", "SELECT o.id FROM orders o JOIN customers c ON c.id = 7 AND o.id = 8"},
            {"SELECT id FROM orders WHERE amount > 1 GROUP BY id HAVING count(*) > 2 ORDER BY id = 3 LIMIT 4",
                "SELECT id FROM orders WHERE amount > 5 GROUP BY id HAVING count(*) > 6 ORDER BY id = 7 LIMIT 8"},
            {"SELECT CASE WHEN ssn LIKE '1%' THEN 'a' ELSE 'b' END FROM customers WHERE id = 1",
                "SELECT CASE WHEN ssn LIKE '9%' THEN 'c' ELSE 'd' END FROM customers WHERE id = 2"},
            {"SELECT salary FROM employees WHERE id = 1", "SELECT salary FROM employees WHERE id = 2"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 + 100", "SELECT id FROM orders WHERE id BETWEEN 5 AND 5 + 100"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 + 100", "SELECT id FROM orders WHERE id BETWEEN 5 AND 5 + 1.5"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 + 100",
                "SELECT id FROM orders WHERE id BETWEEN 5 AND 5 + 99999999999999999999"},
            {"SELECT id FROM orders WHERE id < 2 * 3 AND id > -1", "SELECT id FROM orders WHERE id < 4 * 5 AND id > -7"},
            {"SELECT id FROM orders WHERE id < 2 * 3", "SELECT id FROM orders WHERE id < 4 * '5'"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 + 100",
                "SELECT id FROM orders WHERE id BETWEEN 1 AND 2147483647 + 1"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 + 100",
                "SELECT id FROM orders WHERE id BETWEEN 1 AND 2147483647 + 100000000000 - 1"},
            {"SELECT id FROM orders WHERE id < 5 * 100", "SELECT id FROM orders WHERE id < 7 * 100"},
            {"SELECT id FROM orders WHERE id < 5 * 100", "SELECT id FROM orders WHERE id < 7 * 1000000000"},
            {"SELECT id FROM orders WHERE id > 1 - 2 * 3", "SELECT id FROM orders WHERE id > 2147483647 - 2 * 3"},
            {"SELECT id FROM orders WHERE id BETWEEN 1 AND 1 * 1000000", "SELECT id FROM orders WHERE id BETWEEN 2 AND 2 * 1000000"},
            {"SELECT id FROM orders WHERE id = 5 + customer_id", "SELECT id FROM orders WHERE id = 2147483647 + customer_id"},
            {"SELECT name FROM employees WHERE salary > 1", "SELECT name FROM employees WHERE salary > 2"},
            {"SELECT amount FROM orders WHERE status = 'a' AND id = 1", "SELECT amount FROM orders WHERE status = 'a\u2028\u0085\fb' AND id = 1"},
            {"SELECT pg_sleep(CASE WHEN 1 = 1 THEN 1 END)", "SELECT pg_sleep(CASE WHEN 1 = 1 THEN 100000 END)"},
            {"SELECT current_setting(CASE WHEN true THEN 'timezone' END)",
                "SELECT current_setting(CASE WHEN true THEN 'data_directory' END)"},
        };
        for (String[] p : pairs) assertSameAsOwnRewrite(p[0], p[1]);
    }

    private static void assertSameAsOwnRewrite(String first, String second) {
        CalciteQueryGuard guard = Shop.guard();
        Shop.check(guard, first);
        GuardDecision templated = Shop.check(guard, second);
        CatalogResolver catalog = new CatalogResolver(Shop.CATALOG, Shop.session().policies(), List.of("public"), "shop");
        try {
            var own = StatementRewriter.rewrite(second, catalog);
            Forward f = assertInstanceOf(Forward.class, templated, second);
            assertEquals(own.sql(), f.rewrittenSql(), second);
            assertEquals(own.applied(), f.policies(), second);
        } catch (ParseFailure | ResolveException refused) {
            assertInstanceOf(Refuse.class, templated, second);
        }
    }
}
