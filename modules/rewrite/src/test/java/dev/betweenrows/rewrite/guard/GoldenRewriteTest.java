package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL in → SQL out through the real guard, with policies resolved by the policy module ({@link Shop}). */
class GoldenRewriteTest {
    static final String C = "(SELECT id, name, email, ('***-**-' || right(ssn, 4)) AS ssn, tenant, created_at"
            + " FROM public.customers WHERE (tenant = 'acme') OFFSET 0)";
    static final String O_FILTERS = "(SELECT id, customer_id, amount, status, tenant, created_at FROM public.orders"
            + " WHERE (status <> 'deleted') AND (tenant = 'acme')";
    static final String O = O_FILTERS + " OFFSET 0)";
    static final String P = "(SELECT id, name, category, price FROM public.products)";
    static final String E = "(SELECT id, name, department, manager_id FROM public.employees)";
    static final String OI = "(SELECT id, order_id, product_id, quantity, price FROM public.order_items)";

    private final CalciteQueryGuard guard = Shop.guard();

    private void rewrites(String sql, String expected) {
        Shop.assertRewrites(guard, sql, expected);
    }

    private Refuse refused(String sql, String state, String message) {
        return Shop.assertRefused(guard, sql, state, message);
    }

    @Test void simpleSelect() {
        rewrites("SELECT id, name FROM products", "SELECT id, name FROM " + P + " AS products");
    }

    @Test void aliasWithAndWithoutAs() {
        rewrites("SELECT p.name FROM products p", "SELECT p.name FROM " + P + " p");
        rewrites("SELECT p.name FROM products AS p", "SELECT p.name FROM " + P + " AS p");
    }

    @Test void schemaQualifiedQuotedAndUpperCaseNames() {
        rewrites("SELECT * FROM public.products", "SELECT * FROM " + P + " AS products");
        rewrites("SELECT * FROM \"public\".\"products\"", "SELECT * FROM " + P + " AS products");
        rewrites("SELECT * FROM PRODUCTS", "SELECT * FROM " + P + " AS products");
        rewrites("SELECT * FROM shop.public.products", "SELECT * FROM " + P + " AS products");
        refused("SELECT * FROM \"Products\"", "42P01", "relation \"Products\" does not exist");
        refused("SELECT * FROM other.public.products", "0A000",
                "cross-database references are not implemented: other.public.products");
    }

    @Test void otherSchemaIsNotOnTheSearchPath() {
        rewrites("SELECT * FROM analytics.customers",
                "SELECT * FROM (SELECT id, segment FROM analytics.customers) AS customers");
    }

    @Test void selectStarExpandsToVisibleColumnsWithMasksInside() {
        rewrites("SELECT * FROM customers", "SELECT * FROM " + C + " AS customers");
        rewrites("SELECT * FROM employees", "SELECT * FROM " + E + " AS employees");
    }

    @Test void joinsAndSelfJoin() {
        rewrites("SELECT a.name, b.name AS boss FROM employees a JOIN employees b ON a.manager_id = b.id",
                "SELECT a.name, b.name AS boss FROM " + E + " a JOIN " + E + " b ON a.manager_id = b.id");
        rewrites("SELECT o.id, i.quantity FROM orders o LEFT JOIN order_items i ON i.order_id = o.id",
                "SELECT o.id, i.quantity FROM " + O + " o LEFT JOIN " + OI + " i ON i.order_id = o.id");
    }

    @Test void cteShadowsTable() {
        rewrites("WITH orders AS (SELECT * FROM products) SELECT * FROM orders",
                "WITH orders AS (SELECT * FROM " + P + " AS products) SELECT * FROM orders");
        // A schema-qualified name is never a CTE.
        rewrites("WITH orders AS (SELECT 1 AS id) SELECT o.id FROM public.orders o JOIN orders x ON x.id = o.id",
                "WITH orders AS (SELECT 1 AS id) SELECT o.id FROM " + O + " o JOIN orders x ON x.id = o.id");
    }

    @Test void recursiveCte() {
        rewrites("WITH RECURSIVE chain(id, manager_id) AS (SELECT id, manager_id FROM employees WHERE id = 1"
                        + " UNION ALL SELECT e.id, e.manager_id FROM employees e JOIN chain c ON e.manager_id = c.id)"
                        + " SELECT * FROM chain",
                "WITH RECURSIVE chain(id, manager_id) AS (SELECT id, manager_id FROM " + E + " AS employees WHERE id = 1"
                        + " UNION ALL SELECT e.id, e.manager_id FROM " + E + " e JOIN chain c ON e.manager_id = c.id)"
                        + " SELECT * FROM chain");
    }

    @Test void derivedTable() {
        rewrites("SELECT s.total FROM (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) s"
                        + " WHERE s.total > 100",
                "SELECT s.total FROM (SELECT customer_id, pg_catalog.sum(amount) AS total FROM " + O + " AS orders"
                        + " GROUP BY customer_id) s WHERE s.total > 100");
        refused("SELECT s.amount FROM (SELECT customer_id FROM orders) s", "42703", "column s.amount does not exist");
    }

    @Test void lateral() {
        rewrites("SELECT c.id, o.amount FROM customers c, LATERAL (SELECT amount FROM orders WHERE customer_id = c.id"
                        + " ORDER BY amount DESC LIMIT 1) o",
                "SELECT c.id, o.amount FROM " + C + " c, LATERAL (SELECT amount FROM " + O + " AS orders"
                        + " WHERE customer_id = c.id ORDER BY amount DESC LIMIT 1) o");
    }

    @Test void inAndExistsSubqueries() {
        rewrites("SELECT name FROM products WHERE id IN (SELECT product_id FROM order_items)"
                        + " AND EXISTS (SELECT 1 FROM orders o WHERE o.id = 3)",
                "SELECT name FROM " + P + " AS products WHERE id IN (SELECT product_id FROM " + OI + " AS order_items)"
                        + " AND EXISTS (SELECT 1 FROM " + O_FILTERS + " AND id = 3 OFFSET 0) o WHERE o.id = 3)");
    }

    @Test void scalarSubqueryInSelectList() {
        rewrites("SELECT (SELECT count(*) FROM orders) AS n",
                "SELECT (SELECT pg_catalog.count(*) FROM " + O + " AS orders) AS n");
    }

    @Test void unionBranchesAreBothRestricted() {
        rewrites("SELECT name FROM customers UNION SELECT name FROM employees ORDER BY name",
                "SELECT name FROM " + C + " AS customers UNION SELECT name FROM " + E + " AS employees ORDER BY name");
    }

    @Test void parametersStayByteIdentical() {
        rewrites("SELECT name FROM products WHERE price > $1 AND category = $2 LIMIT $3",
                "SELECT name FROM " + P + " AS products WHERE price > $1 AND category = $2 LIMIT $3");
    }

    @Test void commentsAndLiteralsArePreserved() {
        rewrites("SELECT /* orders */ 'FROM orders' AS x, name -- customers\nFROM products\t-- end",
                "SELECT /* orders */ 'FROM orders' AS x, name -- customers\nFROM " + P + " AS products\t-- end");
        rewrites("SELECT $$it's orders$$ AS a, E'\\n' AS b, name FROM products",
                "SELECT $$it's orders$$ AS a, E'\\n' AS b, name FROM " + P + " AS products");
    }

    @Test void hiddenTableFailsExactlyLikeAMissingOne() {
        Refuse hidden = refused("SELECT * FROM secrets", "42P01", "relation \"secrets\" does not exist");
        Refuse missing = refused("SELECT * FROM nothere", "42P01", "relation \"nothere\" does not exist");
        assertEquals(15, hidden.position());
        assertEquals(missing.position(), hidden.position());
        assertEquals(null, hidden.hint());
        refused("SELECT * FROM public.secrets", "42P01", "relation \"public.secrets\" does not exist");
        refused("SELECT 1 FROM products WHERE EXISTS (SELECT 1 FROM secrets)", "42P01", "relation \"secrets\" does not exist");
    }

    @Test void hiddenColumnFailsExactlyLikeAMissingOne() {
        Refuse r = refused("SELECT salary FROM employees", "42703", "column \"salary\" does not exist");
        assertEquals(8, r.position());
        refused("SELECT name FROM employees WHERE salary > 5", "42703", "column \"salary\" does not exist");
        refused("SELECT e.salary FROM employees e", "42703", "column e.salary does not exist");
        refused("SELECT name FROM employees ORDER BY salary", "42703", "column \"salary\" does not exist");
        refused("SELECT x.name FROM employees e", "42P01", "missing FROM-clause entry for table \"x\"");
    }

    @Test void maskedColumnInWhereSeesTheMaskedValueAndIsNotCopied() {
        rewrites("SELECT id FROM customers WHERE ssn = '123-45-6789'",
                "SELECT id FROM " + C + " AS customers WHERE ssn = '123-45-6789'");
    }

    @Test void rowFiltersOfTwoPoliciesAreAnded() {
        rewrites("SELECT count(*) FROM orders", "SELECT pg_catalog.count(*) FROM " + O + " AS orders");
    }

    @Test void pointLookupIsCopiedInsideTheFence() {
        rewrites("SELECT amount FROM orders WHERE id = 42",
                "SELECT amount FROM " + O_FILTERS + " AND id = 42 OFFSET 0) AS orders WHERE id = 42");
        rewrites("SELECT c.name FROM customers c WHERE c.id = $1 AND c.email = 'a@b.c'",
                "SELECT c.name FROM (SELECT id, name, email, ('***-**-' || right(ssn, 4)) AS ssn, tenant, created_at"
                        + " FROM public.customers WHERE (tenant = 'acme') AND id = $1 AND email = 'a@b.c' OFFSET 0) c"
                        + " WHERE c.id = $1 AND c.email = 'a@b.c'");
    }

    @Test void rangesOnLeakproofTypesAreCopiedInsideTheFence() {
        rewrites("SELECT amount FROM orders WHERE id > 42",
                "SELECT amount FROM " + O_FILTERS + " AND id > 42 OFFSET 0) AS orders WHERE id > 42");
        rewrites("SELECT amount FROM orders WHERE 42 <= id AND status = 'paid' ORDER BY id",
                "SELECT amount FROM " + O_FILTERS + " AND 42 <= id AND status = 'paid' OFFSET 0) AS orders"
                        + " WHERE 42 <= id AND status = 'paid' ORDER BY id");
        rewrites("SELECT amount FROM orders WHERE id BETWEEN $1 AND $2 AND created_at >= '2026-01-01'",
                "SELECT amount FROM " + O_FILTERS + " AND id BETWEEN $1 AND $2 AND created_at >= '2026-01-01' OFFSET 0)"
                        + " AS orders WHERE id BETWEEN $1 AND $2 AND created_at >= '2026-01-01'");
    }

    /**
     * PostgreSQL's numeric comparisons are not leakproof, and a parameter compared with a date/time column may be
     * declared another date/time type (a conversion of the row's value that can fail): neither runs below the fence.
     */
    @Test void comparisonsThatAreNotLeakproofAreNotCopied() {
        rewrites("SELECT id FROM orders WHERE amount > 100", "SELECT id FROM " + O + " AS orders WHERE amount > 100");
        rewrites("SELECT id FROM orders WHERE amount = 100.5", "SELECT id FROM " + O + " AS orders WHERE amount = 100.5");
        rewrites("SELECT id FROM orders WHERE created_at >= $1", "SELECT id FROM " + O + " AS orders WHERE created_at >= $1");
        rewrites("SELECT id FROM orders WHERE id NOT BETWEEN 1 AND 9",
                "SELECT id FROM " + O + " AS orders WHERE id NOT BETWEEN 1 AND 9");
        rewrites("SELECT id FROM orders WHERE id BETWEEN SYMMETRIC 9 AND 1",
                "SELECT id FROM " + O + " AS orders WHERE id BETWEEN SYMMETRIC 9 AND 1");
        rewrites("SELECT id FROM orders WHERE id <> 4", "SELECT id FROM " + O + " AS orders WHERE id <> 4");
    }

    /**
     * A copied {@code $n} must not change the parameter's inferred type (FROM is analysed first: here it would make
     * {@code $1} an integer, and {@code '2.5'} fail) nor, when the client declared a type, convert the row's value:
     * a {@code bigint} compared with an {@code oid} parameter is cast to oid and fails outside its range.
     */
    @Test void parametersAreCopiedOnlyWhenTheCopyCannotChangeTheirType() {
        rewrites("SELECT $1 + 0.0, id FROM orders WHERE id <= $1",
                "SELECT $1 + 0.0, id FROM " + O + " AS orders WHERE id <= $1");
        rewrites("SELECT id FROM orders WHERE id = $1 AND customer_id = $1",
                "SELECT id FROM " + O + " AS orders WHERE id = $1 AND customer_id = $1");
        rewrites("SELECT $01 + 0.0 AS x FROM orders WHERE id <= $1",   // $01 is $1 to PostgreSQL
                "SELECT $01 + 0.0 AS x FROM " + O + " AS orders WHERE id <= $1");
        String lookup = "SELECT id FROM orders WHERE id = $1";
        assertEquals("SELECT id FROM " + O_FILTERS + " AND id = $1 OFFSET 0) AS orders WHERE id = $1",
                extended(lookup, List.of(20)));
        assertEquals("SELECT id FROM " + O + " AS orders WHERE id = $1", extended(lookup, List.of(26)));
        assertEquals("SELECT id FROM " + O + " AS orders WHERE id = $1", extended(lookup, List.of(2205)));
        assertEquals("SELECT id FROM " + O + " AS orders WHERE id = $1", extended(lookup, List.of(26, 20)),
                "the type of $1 decides, whatever else is declared");
        assertEquals("SELECT id FROM " + O_FILTERS + " AND id = $1 OFFSET 0) AS orders WHERE id = $1",
                extended(lookup, List.of(23, 26)));
        assertEquals("SELECT id FROM " + O_FILTERS + " AND id = $1 OFFSET 0) AS orders WHERE id = $1",
                extended(lookup, List.of(0)), "the cache keeps declared types apart");
    }

    /** Numbers that are not bigint literals make PostgreSQL compare as numeric, which is not leakproof. */
    @Test void integerColumnsAreComparedWithIntegerLiteralsOnly() {
        rewrites("SELECT id FROM orders WHERE id > 1.5", "SELECT id FROM " + O + " AS orders WHERE id > 1.5");
        rewrites("SELECT id FROM orders WHERE id = 99999999999999999999",
                "SELECT id FROM " + O + " AS orders WHERE id = 99999999999999999999");
        rewrites("SELECT id FROM orders WHERE id = 9999999999",
                "SELECT id FROM " + O_FILTERS + " AND id = 9999999999 OFFSET 0) AS orders WHERE id = 9999999999");
    }

    /**
     * Integer literals joined by {@code + - *} are folded by PostgreSQL while planning, whatever the rows, so they are
     * copied for integer columns (as tokens: no comment comes along) when they fold without an error; anything else
     * in such a bound is not.
     */
    @Test void integerArithmeticOfLiteralsIsCopiedForIntegerColumns() {
        rewrites("SELECT id FROM orders WHERE id BETWEEN 5 AND 5 + 100 ORDER BY id",
                "SELECT id FROM " + O_FILTERS + " AND id BETWEEN 5 AND 5 + 100 OFFSET 0) AS orders"
                        + " WHERE id BETWEEN 5 AND 5 + 100 ORDER BY id");
        rewrites("SELECT id FROM orders WHERE id < 2 * 3 - 1 AND 10*10 >= id",
                "SELECT id FROM " + O_FILTERS + " AND id < 2 * 3 - 1 AND 10 * 10 >= id OFFSET 0) AS orders"
                        + " WHERE id < 2 * 3 - 1 AND 10*10 >= id");
        // arithmetic that PostgreSQL cannot fold (integer overflow) is never copied: the copy could add an error
        rewrites("SELECT id FROM orders WHERE id < 2147483647 + 1 AND id > -2147483648",
                "SELECT id FROM " + O_FILTERS + " AND id > - 2147483648 OFFSET 0) AS orders"
                        + " WHERE id < 2147483647 + 1 AND id > -2147483648");
        rewrites("SELECT id FROM orders WHERE id > -5",
                "SELECT id FROM " + O_FILTERS + " AND id > - 5 OFFSET 0) AS orders WHERE id > -5");
        rewrites("SELECT id FROM orders WHERE id = 5 /* c */ + 1",
                "SELECT id FROM " + O_FILTERS + " AND id = 5 + 1 OFFSET 0) AS orders WHERE id = 5 /* c */ + 1");
        for (String notCopied : List.of("amount < 5 + 1", "id < 5 + 1.5", "id < (5 + 1)", "id < 5 / 1", "id < $1 + 1",
                "id < '5' + 1", "id < 5 + 99999999999999999999", "created_at < 5 + 1", "id < 5 + 1::int")) {
            rewrites("SELECT id FROM orders WHERE " + notCopied,
                    "SELECT id FROM " + O + " AS orders WHERE " + notCopied);
        }
    }

    private String extended(String sql, List<Integer> types) {
        var d = guard.check(new dev.betweenrows.policy.GuardRequest(Shop.session(), dev.betweenrows.policy.Protocol.EXTENDED,
                sql, types));
        return assertInstanceOf(dev.betweenrows.policy.GuardDecision.Forward.class, d, d::toString).rewrittenSql();
    }

    @Test void otherPredicatesAreNotCopied() {
        rewrites("SELECT amount FROM orders WHERE 1/(amount-999.99) > 0",
                "SELECT amount FROM " + O + " AS orders WHERE 1/(amount-999.99) > 0");
        rewrites("SELECT amount FROM orders WHERE id = 1 OR id = 2",
                "SELECT amount FROM " + O + " AS orders WHERE id = 1 OR id = 2");
        rewrites("SELECT amount FROM orders WHERE id = 1::int",
                "SELECT amount FROM " + O + " AS orders WHERE id = 1::int");
    }

    @Test void correlatedConditionsStayWithTheirOwnTable() {
        rewrites("SELECT (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE c.id = 7",
                "SELECT (SELECT pg_catalog.count(*) FROM " + O + " o WHERE o.customer_id = c.id) FROM "
                        + C.replace("OFFSET 0", "AND id = 7 OFFSET 0") + " c WHERE c.id = 7");
    }

    @Test void schemaQualifiedColumnsAreRequalified() {
        rewrites("SELECT public.orders.id FROM public.orders", "SELECT orders.id FROM " + O + " AS orders");
    }

    @Test void explicitTable() {
        rewrites("TABLE products", "SELECT * FROM " + P + " AS products");
    }

    @Test void wholeRowReferencesSeeTheRestrictedRow() {
        rewrites("SELECT row_to_json(c) FROM customers c", "SELECT pg_catalog.row_to_json(c) FROM " + C + " c");
    }

    @Test void postgresSpellingsParse() {
        rewrites("SELECT DISTINCT ON (customer_id) customer_id, amount FROM orders ORDER BY customer_id, created_at DESC",
                "SELECT DISTINCT ON (customer_id) customer_id, amount FROM " + O
                        + " AS orders ORDER BY customer_id, created_at DESC");
        rewrites("SELECT id FROM orders WHERE created_at > now() - interval '7 days' AND status::varchar(10) = 'x'",
                "SELECT id FROM " + O + " AS orders WHERE created_at > pg_catalog.now() - interval '7 days'"
                        + " AND status::varchar(10) = 'x'");
        rewrites("SELECT name->>'en', created_at AT TIME ZONE 'UTC' FROM products p, customers",
                "SELECT name->>'en', created_at AT TIME ZONE 'UTC' FROM " + P + " p, " + C + " AS customers");
    }

    @Test void syntaxErrorsPointIntoTheOriginalText() {
        // Calcite's lookahead blames the first token of the sequence it could not match (PostgreSQL: the second).
        Refuse r = refused("SELECT * FROM products WHERE id = = 1", "42601", "syntax error at or near \"=\"");
        assertEquals(33, r.position());
        Refuse t = refused("SELECT\t*\r\nFROM products WHERE id = 1 1", "42601", "syntax error at or near \"1\"");
        assertEquals(38, t.position()); // \t counts one, \r\n two characters
        refused("SELECT * FROM products WHERE", "42601", "syntax error at end of input");
        Refuse p = refused("SELECT $1 FROM products WHERE id = $1 ORDER", "42601", "syntax error at end of input");
        assertEquals(44, p.position()); // just past the 43 characters, as PostgreSQL
    }

    @Test void unsupportedConstructsFailClosed() {
        refused("SELECT * FROM ONLY (orders)", "0A000", "ONLY is not supported");
        refused("SELECT 1; SELECT 2", "0A000", "multiple statements not supported yet");
    }
}
