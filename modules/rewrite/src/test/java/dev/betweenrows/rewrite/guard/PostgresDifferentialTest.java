package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.rewrite.lex.IntegerArithmetic;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs rewritten SQL on a real PostgreSQL and compares it with the original SQL run against
 * {@code security_barrier} views (schema {@code oracle}) that emulate {@link Shop}'s policies. Also shows the
 * fence stops error oracles and that a point lookup through the rewrite still uses the index.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDifferentialTest {
    private static final String DB = "rewrite_shop";
    private final PostgresServer pg;
    private final CalciteQueryGuard guard = Shop.guard();

    PostgresDifferentialTest(PostgresServer pg) {
        this.pg = pg;
    }

    @BeforeAll
    void seed() {
        pg.createDatabase(DB);
        pg.execute(DB,
                "CREATE TABLE customers (id int PRIMARY KEY, name text, email text, ssn text, tenant text, created_at timestamptz)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, amount numeric(10,2), status text, tenant text, created_at timestamptz)",
                "CREATE TABLE order_items (id int PRIMARY KEY, order_id int, product_id int, quantity int, price numeric(10,2))",
                "CREATE TABLE products (id int PRIMARY KEY, name text, category text, price numeric(10,2))",
                "CREATE TABLE payments (id int PRIMARY KEY, order_id int, amount numeric(10,2), method text, paid_at timestamptz)",
                "CREATE TABLE employees (id int PRIMARY KEY, name text, department text, salary int, manager_id int)",
                "CREATE TABLE secrets (id int PRIMARY KEY, value text)",
                "CREATE SCHEMA analytics",
                "CREATE TABLE analytics.customers (id int, segment text)",
                "INSERT INTO customers SELECT g, 'cust' || g, 'c' || g || CASE WHEN g % 2 = 0 THEN '@example.com' ELSE '@other.org' END,"
                        + " lpad((g * 7919)::text, 9, '0'), CASE WHEN g % 3 = 0 THEN 'other' ELSE 'acme' END,"
                        + " timestamptz '2024-01-01' + g * interval '1 day' FROM generate_series(1, 60) g",
                "INSERT INTO orders SELECT g, 1 + g % 60, (g % 97) * 10.5 + 1,"
                        + " (ARRAY['paid','open','cancelled','deleted'])[1 + g % 4], CASE WHEN g % 5 = 0 THEN 'other' ELSE 'acme' END,"
                        + " timestamptz '2024-01-01' + g * interval '3 hours' FROM generate_series(1, 20000) g",
                "UPDATE orders SET amount = 999.99 WHERE id = 5", // a hidden row (tenant other): the error oracle's target
                "INSERT INTO products SELECT g, 'Widget ' || g, (ARRAY['tools','garden','toys'])[1 + g % 3], g * 2.5 FROM generate_series(1, 30) g",
                "INSERT INTO order_items SELECT g, 1 + g % 20000, 1 + g % 30, 1 + g % 4, (g % 30) * 2.5 FROM generate_series(1, 3000) g",
                "INSERT INTO payments SELECT g, 1 + g % 500, g % 50 + 0.5, (ARRAY['card','cash'])[1 + g % 2],"
                        + " timestamptz '2024-02-01' + g * interval '1 hour' FROM generate_series(1, 400) g",
                "INSERT INTO employees SELECT g, 'emp' || g, (ARRAY['sales','ops'])[1 + g % 2], 1000 * g, NULLIF(g / 3, 0) FROM generate_series(1, 12) g",
                "ANALYZE",
                "CREATE SCHEMA oracle",
                "CREATE VIEW oracle.customers WITH (security_barrier) AS SELECT id, name, email,"
                        + " '***-**-' || right(ssn, 4) AS ssn, tenant, created_at FROM public.customers WHERE tenant = 'acme'",
                "CREATE VIEW oracle.orders WITH (security_barrier) AS SELECT * FROM public.orders"
                        + " WHERE status <> 'deleted' AND tenant = 'acme'",
                "CREATE VIEW oracle.employees AS SELECT id, name, department, manager_id FROM public.employees",
                "CREATE VIEW oracle.products AS SELECT * FROM public.products",
                "CREATE VIEW oracle.order_items AS SELECT * FROM public.order_items",
                "CREATE VIEW oracle.payments AS SELECT * FROM public.payments");
    }

    private String rewrite(String sql) {
        var d = Shop.check(guard, sql);
        assertInstanceOf(Forward.class, d, () -> sql + " → " + d);
        return ((Forward) d).rewrittenSql();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(rs.getString(i)).append('|');
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void corpusResultsEqualSecurityBarrierViews() throws Exception {
        int compared = 0;
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            c.setAutoCommit(false); // one transaction: now() is the same for both runs
            for (String sql : CorpusTest.corpus()) {
                // TABLESAMPLE: views cannot be sampled, and a sample is random (see tablesampleSamplesVisibleRows).
                if (sql.contains("$") || sql.contains("public.") || sql.contains("TABLESAMPLE")
                        || !(Shop.check(guard, sql) instanceof Forward)) {
                    continue;
                }
                s.execute("SET search_path = public");
                List<String> actual = rows(s, rewrite(sql));
                s.execute("SET search_path = oracle, public");
                List<String> expected = rows(s, sql);
                // Compared as multisets: ORDER BY ties may come back in either order.
                actual.sort(null);
                expected.sort(null);
                assertEquals(expected, actual, () -> "differs: " + sql);
                compared++;
            }
            c.rollback();
        }
        System.out.println("differential: " + compared + " corpus queries compared");
        assertTrue(compared >= 80, "compared only " + compared);
    }

    @Test
    void tablesampleSamplesVisibleRows() throws SQLException {
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = public");
            List<String> visible = rows(s, "SELECT count(*) FROM oracle.orders");
            assertEquals(visible, rows(s, rewrite("SELECT count(*) FROM orders TABLESAMPLE SYSTEM (100)")));
            assertEquals(visible, rows(s, rewrite("SELECT count(*) FROM ONLY orders o TABLESAMPLE BERNOULLI (100) REPEATABLE (3)")));
            assertEquals(List.of("0|"), rows(s, rewrite("SELECT count(*) FROM orders TABLESAMPLE BERNOULLI (0)")));
            // A partial sample never holds a hidden row.
            assertEquals(List.of("0|"), rows(s, rewrite("SELECT count(*) FROM orders TABLESAMPLE BERNOULLI (50)"
                    + " WHERE tenant <> 'acme' OR status = 'deleted'")));
        }
    }

    @Test
    void fencedRewriteHasNoErrorOracle() throws SQLException {
        // Row 5 is hidden (tenant other) and has amount 999.99: evaluating the probe on it would divide by zero.
        String rewritten = rewrite("SELECT id FROM orders WHERE 1/(amount-999.99) > 0");
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = public");
            assertFalse(rows(s, rewritten).isEmpty());
            // The user's predicate stays above the fence: it filters the subquery scan, never the table scan.
            List<String> plan = rows(s, "EXPLAIN " + rewritten);
            int fence = indexOf(plan, "Subquery Scan on orders");
            int scan = indexOf(plan, "Seq Scan on orders");
            assertTrue(fence >= 0 && scan > fence, String.join("\n", plan));
            for (int i = scan; i < plan.size(); i++) assertFalse(plan.get(i).contains("999.99"), String.join("\n", plan));
            assertTrue(plan.get(fence + 1).contains("999.99"), String.join("\n", plan));
        }
    }

    private static int indexOf(List<String> plan, String text) {
        for (int i = 0; i < plan.size(); i++) if (plan.get(i).contains(text)) return i;
        return -1;
    }

    @Test
    void pointLookupThroughTheFenceUsesTheIndex() throws SQLException {
        String rewritten = rewrite("SELECT id, amount FROM orders WHERE id = $1");
        assertTrue(rewritten.contains("OFFSET 0"), rewritten);
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = public");
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE lookup(int) AS " + rewritten);
            String plan = String.join("\n", rows(s, "EXPLAIN EXECUTE lookup(42)"));
            assertTrue(plan.contains("Index Scan using orders_pkey"), plan);
            assertFalse(plan.contains("Seq Scan"), plan);
            assertEquals(List.of("42|442.00|"), rows(s, "EXECUTE lookup(42)"));
        }
    }

    @Test
    void rangeThroughTheFenceUsesTheIndexAndKeepsTheFilters() throws SQLException {
        String rewritten = rewrite("SELECT id, amount FROM orders WHERE id BETWEEN $1 AND $2 ORDER BY id");
        assertTrue(rewritten.contains("id BETWEEN $1 AND $2 OFFSET 0"), rewritten);
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = public");
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE span(int, int) AS " + rewritten);
            String plan = String.join("\n", rows(s, "EXPLAIN EXECUTE span(40, 60)"));
            assertTrue(plan.contains("Index Scan using orders_pkey"), plan);
            assertFalse(plan.contains("Seq Scan"), plan);
            List<String> expected = rows(s, "SELECT id, amount FROM orders WHERE tenant = 'acme' AND status <> 'deleted'"
                    + " AND id BETWEEN 40 AND 60 ORDER BY id");
            assertFalse(expected.isEmpty());
            assertEquals(expected, rows(s, "EXECUTE span(40, 60)"));
        }
    }

    /**
     * A bound written as integer arithmetic ({@code 40 + 20}) is copied too, so the range uses the index. One that
     * overflows is not copied: PostgreSQL fails on it while planning, but not where it stops folding an AND at a
     * constant false, and a copy would make that statement fail through the proxy.
     */
    @Test
    void arithmeticBoundThroughTheFenceUsesTheIndexAndFailsOnlyAsWithoutTheCopy() throws SQLException {
        String rewritten = rewrite("SELECT id, amount FROM orders WHERE id BETWEEN 40 AND 40 + 20 ORDER BY id");
        assertTrue(rewritten.contains("id BETWEEN 40 AND 40 + 20 OFFSET 0"), rewritten);
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = public");
            String plan = String.join("\n", rows(s, "EXPLAIN " + rewritten));
            assertTrue(plan.contains("Index Scan using orders_pkey"), plan);
            assertFalse(plan.contains("Seq Scan"), plan);
            List<String> expected = rows(s, "SELECT id, amount FROM orders WHERE tenant = 'acme' AND status <> 'deleted'"
                    + " AND id BETWEEN 40 AND 60 ORDER BY id");
            assertFalse(expected.isEmpty());
            assertEquals(expected, rows(s, rewritten));

            String overflow = "SELECT id FROM orders WHERE id < 2147483647 + 1 AND tenant = 'nobody'";
            String through = rewrite(overflow);
            assertFalse(through.contains("2147483647 + 1 AND tenant = 'nobody' OFFSET 0"), through);
            SQLException directError = assertThrows(SQLException.class, () -> rows(s, overflow));
            SQLException throughError = assertThrows(SQLException.class, () -> rows(s, through));
            assertEquals("22003", directError.getSQLState());
            assertEquals(directError.getSQLState(), throughError.getSQLState());
            assertEquals(directError.getMessage(), throughError.getMessage());

            for (String folded : List.of("SELECT id FROM orders WHERE false AND id < 2147483647 + 1",
                    "SELECT id FROM orders WHERE 1 = 0 AND id BETWEEN 1 AND 2147483647 * 2",
                    "SELECT id FROM orders WHERE false AND id > -2147483648 - 1")) {
                assertEquals(List.of(), rows(s, folded), folded);
                assertEquals(List.of(), rows(s, rewrite(folded)), folded);
            }
        }
    }

    /** {@link IntegerArithmetic} folds exactly as PostgreSQL does: the same value, or an error exactly where it fails. */
    @Test
    void integerArithmeticFoldsLikePostgres() throws SQLException {
        List<String> expressions = List.of("1 + 2 * 3", "2 * 3 - 1", "- 5 * 3", "- - 5", "+ 5", "- + 5",
                "2147483647", "2147483647 + 1", "2147483647 + 1 + 5000000000", "5000000000 + 2147483647 + 1",
                "2147483647 - 1 + 1", "- 2147483648", "- 2147483648 - 1", "- + 2147483648 - 1", "- - 2147483648",
                "- + - 2147483648", "+ - 2147483648", "2147483648 - 1", "46341 * 46341", "46340 * 46340",
                "3037000499 * 3037000499", "3037000500 * 3037000500", "9223372036854775807", "9223372036854775807 + 1",
                "- 9223372036854775807 - 1", "- 9223372036854775807 - 2", "9223372036854775808", "0 - 2147483647 - 1",
                "0 - 2147483647 - 2", "100000 * 100000 / 1", "1 -", "* 2", "7");
        try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
            for (String e : expressions) {
                List<String> texts = List.of(e.split(" "));
                OptionalLong folded = IntegerArithmetic.fold(texts);
                String direct;
                try {
                    direct = rows(s, "SELECT (" + e + ")::text").getFirst();
                } catch (SQLException failed) {
                    direct = null;
                }
                if (folded.isPresent()) {
                    assertEquals(folded.getAsLong() + "|", direct, e);
                } else if (direct != null) {
                    // a numeric constant or no plain integer arithmetic: not folded here, only ever not copied
                    assertTrue(e.contains("9223372036854775808") || e.contains("/") || e.equals("1 -")
                            || e.equals("* 2"), e + " folds to " + direct + " in PostgreSQL");
                }
            }
        }
    }
}
