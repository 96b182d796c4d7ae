package dev.betweenrows.rewrite.security;

import dev.betweenrows.testkit.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * Error-oracle vectors (A58–A60): a user predicate that would fail only on a hidden row (division by zero, a failing
 * cast) must never run on one, wherever it is written. Hidden order 5 has amount 999.99, hidden order 6 amount 0
 * and a non-numeric note; hidden customers have names starting with HIDDEN; raw ssn values start with 900-12.
 */
class ErrorOracleVectorsTest extends AttackSuite {

    ErrorOracleVectorsTest(PostgresServer pg) {
        super(pg);
    }

    @Test void a58_divisionByZeroInWhere() {
        assertRows(attack("SELECT id FROM orders WHERE 1/(amount-999.99) <> 0"), "1", "2", "3", "4");
        assertRows(attack("SELECT id FROM orders WHERE 1/amount > 0"), "1", "2", "3", "4");
        assertRows(attack("SELECT id FROM orders WHERE id = 5 AND 1/(amount-999.99) <> 0"));
        assertRows(attack("SELECT id FROM orders WHERE id IN (5, 6) AND 1/amount > 0"));
    }

    @Test void a59_failingCastOnHiddenRow() {
        assertRows(attack("SELECT id FROM orders WHERE CASE WHEN tenant = 'other' THEN note::int ELSE 1 END = 1"),
                "1", "2", "3", "4");
        assertRows(attack("SELECT id FROM customers WHERE CASE WHEN name LIKE 'HIDDEN%' THEN 1/(id - id) ELSE 1 END = 1"),
                "1", "2", "4");
        assertRows(attack("SELECT count(*) FROM orders WHERE status = 'deleted' AND note::int = 1"), "0");
    }

    @Test void a60_oraclesInJoinsSubqueriesAggregatesAndOrdering() {
        assertRows(attack("SELECT o.id FROM customers c JOIN orders o ON o.customer_id = c.id AND 1/(o.amount-999.99) <> 0"
                + " WHERE c.id = 1"), "1", "2");
        assertRows(attack("SELECT (SELECT count(*) FROM orders WHERE 1/amount > 0) AS n"), "4");
        assertRows(attack("SELECT sum(1/(amount-999.99)) < 0 FROM orders"), "t");
        assertRows(attack("SELECT id FROM orders ORDER BY 1/amount LIMIT 1"), "4");
        assertRows(attack("SELECT id, sum(1/amount) OVER () > 0 FROM orders WHERE id = 1"), "1|t");
        assertRows(attack("SELECT p.id FROM payments p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = p.order_id"
                + " AND 1/(o.amount-999.99) <> 0)"), "1");
    }

    @Test void a60_maskedValueOracle() {
        // The predicate sees masked values only, so a raw-value test never fires.
        assertRows(attack("SELECT id FROM customers WHERE CASE WHEN ssn LIKE '900-12%' THEN 1/(id - id) ELSE 1 END = 1"),
                "1", "2", "4");
        assertRows(attack("SELECT count(*) FROM customers WHERE CASE WHEN ssn = '900-12-0001' THEN 1/(id - id) END = 1"), "0");
    }

    @Test void a60_oracleThroughCteAndDerivedTable() {
        assertRows(attack("WITH o AS (SELECT * FROM orders) SELECT id FROM o WHERE 1/amount > 0"), "1", "2", "3", "4");
        assertRows(attack("SELECT id FROM (SELECT id, amount FROM orders) d WHERE 1/(d.amount-999.99) <> 0"),
                "1", "2", "3", "4");
    }
}
