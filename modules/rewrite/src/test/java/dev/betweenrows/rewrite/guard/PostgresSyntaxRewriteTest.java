package dev.betweenrows.rewrite.guard;

import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.C;
import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.E;
import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.O;
import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.O_FILTERS;
import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.OI;
import static dev.betweenrows.rewrite.guard.GoldenRewriteTest.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL spellings Babel cannot read as written (aggregate ORDER BY, keyword aliases, LATERAL functions, array
 * slices, ONLY, TABLESAMPLE, unnest in a select list): SQL in → SQL out through the real guard. For each construct
 * that holds column references, a hidden column inside it fails exactly like a missing one and a masked column is
 * read from the derived table that masks it.
 */
class PostgresSyntaxRewriteTest {
    private static final String MISSING_SALARY = "column \"salary\" does not exist";
    private final CalciteQueryGuard guard = Shop.guard();

    private void rewrites(String sql, String expected) {
        Shop.assertRewrites(guard, sql, expected);
    }

    private Refuse refused(String sql, String state, String message) {
        return Shop.assertRefused(guard, sql, state, message);
    }

    /** A hidden column must fail like a column that does not exist, at the same position. */
    private void hiddenLikeMissing(String sqlWithSalary) {
        Refuse hidden = refused(sqlWithSalary, "42703", MISSING_SALARY);
        Refuse missing = refused(sqlWithSalary.replace("salary", "nosuch"), "42703",
                "column \"nosuch\" does not exist");
        assertEquals(missing.position(), hidden.position());
    }

    @Test void orderByInsideAggregates() {
        rewrites("SELECT category, jsonb_agg(name ORDER BY price DESC NULLS LAST, id) FROM products GROUP BY category",
                "SELECT category, pg_catalog.jsonb_agg(name ORDER BY price DESC NULLS LAST, id) FROM " + P
                        + " AS products GROUP BY category");
        rewrites("SELECT i.order_id, json_object_agg(i.product_id, i.quantity ORDER BY i.id) FROM order_items i"
                        + " GROUP BY i.order_id",
                "SELECT i.order_id, pg_catalog.json_object_agg(i.product_id, i.quantity ORDER BY i.id) FROM " + OI
                        + " i GROUP BY i.order_id");
        rewrites("SELECT count(DISTINCT department ORDER BY department) FROM employees",
                "SELECT pg_catalog.count(DISTINCT department ORDER BY department) FROM " + E + " AS employees");
    }

    @Test void orderByInsideAggregatesIsResolved() {
        hiddenLikeMissing("SELECT json_agg(name ORDER BY salary) FROM employees");
        hiddenLikeMissing("SELECT department, json_agg(salary ORDER BY id) FROM employees GROUP BY department");
        // The sort key is the masked value: customers is replaced by a derived table computing the mask.
        rewrites("SELECT jsonb_agg(name ORDER BY ssn) FROM customers",
                "SELECT pg_catalog.jsonb_agg(name ORDER BY ssn) FROM " + C + " AS customers");
        // USING <operator> keeps its ORDER BY, which Babel cannot read: still refused.
        refused("SELECT jsonb_agg(name ORDER BY id USING <) FROM products", "42601", "syntax error at or near \"ORDER\"");
    }

    @Test void keywordsAsColumnLabels() {
        rewrites("SELECT id, lag(amount) OVER w AS prev, lead(amount) OVER w AS next FROM orders"
                        + " WINDOW w AS (ORDER BY created_at)",
                "SELECT id, pg_catalog.lag(amount) OVER w AS prev, pg_catalog.lead(amount) OVER w AS next FROM " + O
                        + " AS orders WINDOW w AS (ORDER BY created_at)");
        // A type after AS in CAST is not a label.
        rewrites("SELECT CAST(created_at AS date) AS date FROM orders",
                "SELECT CAST(created_at AS date) AS date FROM " + O + " AS orders");
        // A label spanning a line break is left alone (line numbers must stay the client's).
        refused("SELECT id AS\nnext FROM orders", "42601", "syntax error at or near \"AS\"");
    }

    @Test void namedWindowIsResolved() {
        hiddenLikeMissing("SELECT id, rank() OVER w FROM employees WINDOW w AS (ORDER BY salary)");
        rewrites("SELECT rank() OVER w FROM customers WINDOW w AS (PARTITION BY ssn)",
                "SELECT pg_catalog.rank() OVER w FROM " + C + " AS customers WINDOW w AS (PARTITION BY ssn)");
    }

    @Test void lateralFunctionCall() {
        rewrites("SELECT o.id, g FROM orders o, LATERAL generate_series(1, o.id) g",
                "SELECT o.id, g FROM " + O + " o, LATERAL pg_catalog.generate_series(1, o.id) g");
        hiddenLikeMissing("SELECT g FROM employees e, LATERAL generate_series(1, salary) g");
        rewrites("SELECT g FROM customers c, LATERAL regexp_split_to_table(c.ssn, '-') g",
                "SELECT g FROM " + C + " c, LATERAL pg_catalog.regexp_split_to_table(c.ssn, '-') g");
    }

    @Test void arraySlices() {
        rewrites("SELECT (array_agg(amount ORDER BY created_at DESC))[1:3], (ARRAY[id, customer_id])[:1],"
                        + " (ARRAY[id, customer_id])[2:] FROM orders",
                "SELECT (pg_catalog.array_agg(amount ORDER BY created_at DESC))[1:3], (ARRAY[id, customer_id])[:1],"
                        + " (ARRAY[id, customer_id])[2:] FROM " + O + " AS orders");
        hiddenLikeMissing("SELECT (ARRAY[id, manager_id])[1:salary] FROM employees");
        rewrites("SELECT (ARRAY[ssn, name])[1:1] FROM customers",
                "SELECT (ARRAY[ssn, name])[1:1] FROM " + C + " AS customers");
        refused("SELECT (ARRAY[1, 2])[:] FROM products", "42601", "syntax error at or near \"[\"");
    }

    @Test void onlyStaysOnTheBaseTable() {
        rewrites("SELECT * FROM ONLY orders", "SELECT * FROM " + O.replace("FROM public", "FROM ONLY public")
                + " AS orders");
        rewrites("SELECT o.id FROM ONLY public.orders o JOIN ONLY products p ON p.id = o.id WHERE o.id = 7",
                "SELECT o.id FROM " + O_FILTERS.replace("FROM public", "FROM ONLY public") + " AND id = 7 OFFSET 0) o"
                        + " JOIN " + P.replace("FROM public", "FROM ONLY public") + " p ON p.id = o.id WHERE o.id = 7");
        hiddenLikeMissing("SELECT salary FROM ONLY employees");
        refused("SELECT * FROM ONLY secrets", "42P01", "relation \"secrets\" does not exist");
        refused("SELECT * FROM ONLY (orders)", "0A000", "ONLY is not supported");
    }

    @Test void tablesampleMovesInsideTheDerivedTable() {
        rewrites("SELECT count(*) FROM orders TABLESAMPLE SYSTEM (10)",
                "SELECT pg_catalog.count(*) FROM " + O_FILTERS.replace("public.orders",
                        "public.orders TABLESAMPLE SYSTEM (10)") + " OFFSET 0) AS orders");
        rewrites("SELECT p.name FROM products AS p TABLESAMPLE BERNOULLI (50) REPEATABLE (42) WHERE p.id < 9",
                "SELECT p.name FROM " + P.replace("public.products", "public.products TABLESAMPLE BERNOULLI (50)"
                        + " REPEATABLE (42)") + " AS p WHERE p.id < 9");
        hiddenLikeMissing("SELECT name FROM employees TABLESAMPLE SYSTEM (10) WHERE salary > 1");
        refused("WITH x AS (SELECT 1) SELECT * FROM x TABLESAMPLE SYSTEM (10)", "0A000",
                "TABLESAMPLE or ONLY on a CTE is not supported");
        refused("SELECT * FROM (SELECT 1) x TABLESAMPLE SYSTEM (10)", "0A000",
                "TABLESAMPLE on this FROM item is not supported");
    }

    @Test void unnestInTheSelectList() {
        rewrites("SELECT id, unnest(ARRAY[name, category]) AS label FROM products",
                "SELECT id, pg_catalog.unnest(ARRAY[name, category]) AS label FROM " + P + " AS products");
        hiddenLikeMissing("SELECT unnest(ARRAY[name, salary]) FROM employees");
        rewrites("SELECT unnest(ARRAY[ssn]) FROM customers",
                "SELECT pg_catalog.unnest(ARRAY[ssn]) FROM " + C + " AS customers");
        // In FROM, Babel's own UNNEST reads it (pinned all the same); the stand-in name is only ever the client's word.
        rewrites("SELECT u.x FROM products p, unnest(ARRAY[p.name]) AS u(x)",
                "SELECT u.x FROM " + P + " p, pg_catalog.unnest(ARRAY[p.name]) AS u(x)");
        refused("SELECT unnes_(ARRAY[1])", "42883", "function unnes_(unknown) does not exist");
    }

    @Test void stillRefused() {
        refused("SELECT 1 WHERE true", "42601", "syntax error at or near \"WHERE\"");
        refused("SELECT g FROM generate_series(now(), now(), '1 day') g", "42601", "syntax error at or near \"(\"");
        refused("TABLE ONLY orders", "42601", "syntax error at or near \"orders\"");
    }
}
