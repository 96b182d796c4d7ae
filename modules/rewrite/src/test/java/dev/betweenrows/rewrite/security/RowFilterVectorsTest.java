package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.testkit.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Row-filter vectors of attack-vectors.md: every way to reach a base table must meet its filters. Alice (tenant
 * acme) may see orders 1–4 and customers 1, 2, 4; orders 5–6 (tenant other) and 7 (deleted) are hidden.
 */
class RowFilterVectorsTest extends AttackSuite {

    RowFilterVectorsTest(PostgresServer pg) {
        super(pg);
    }

    @Test void v01_filterExpressionIsAnExpressionNotSplicedText() {
        // An admin-written filter that tries to close the derived table still sits in parentheses in its own WHERE.
        List<Policy> ps = List.of(AttackLab.rowFilter("trick", "orders", "tenant = 'acme' OR 1=1 /* ) OR (1=1 */"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of());
        assertRows(attack(s, "SELECT count(*) FROM orders"), "7"); // OR 1=1 is the admin's own choice: all rows
        List<Policy> comment = List.of(AttackLab.rowFilter("trick2", "orders", "tenant = 'acme' -- OR 1=1"));
        assertRows(attack(AttackLab.session(AccessMode.OPEN, comment, Map.of()), "SELECT id FROM orders WHERE id < 3"), "1", "2");
    }

    @Test void v02_templateVariableInjection() {
        for (String evil : List.of("x' OR '1'='1", "acme'; DROP TABLE orders; --", "acme' OR tenant <> '")) {
            GuardSession s = AttackLab.session(AccessMode.OPEN, AttackLab.standardPolicies(),
                    Map.of("tenant", new AttributeValue.Text(evil)));
            Outcome o = attack(s, "SELECT id FROM orders");
            assertRows(o); // bound as one literal: no tenant is literally equal to it
            assertTrue(o.rewritten().contains("'" + evil.replace("'", "''") + "'"), o.rewritten());
        }
    }

    @Test void v03_tableAlias() {
        assertRows(attack("SELECT o.tenant FROM orders AS o"), "acme", "acme", "acme", "acme");
        assertRows(attack("SELECT x.id FROM public.orders x WHERE x.tenant = 'other'"));
    }

    @Test void v04_cte() {
        assertRows(attack("WITH d AS (SELECT * FROM orders) SELECT id FROM d"), "1", "2", "3", "4");
    }

    @Test void v07_joinFiltersBothTables() {
        assertRows(attack("SELECT c.name, o.amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id IN (1, 5)"),
                "Ann|10.00");
    }

    @Test void v08_subqueryInFrom() {
        assertRows(attack("SELECT tenant, count(*) FROM (SELECT * FROM orders) sub GROUP BY tenant"), "acme|4");
    }

    @Test void v14_twoFiltersAreAnded() {
        assertRows(attack("SELECT id FROM orders WHERE status = 'deleted' OR tenant = 'other'"));
    }

    @Test void v25_countAndSumSeeOnlyVisibleRows() {
        assertRows(attack("SELECT count(*), sum(amount) FROM orders"), "4|100.00");
    }

    @Test void v69_zeroColumnScans() {
        assertRows(attack("SELECT count(1) FROM orders"), "4");
        assertRows(attack("SELECT 1 FROM orders WHERE id > 4"));
        assertRows(attack("SELECT count(*) FROM orders o JOIN customers c ON true"), "12");
    }

    @Test void v70_missingAttributeIsNullNeverEmptyString() {
        GuardSession none = AttackLab.session(AccessMode.OPEN, AttackLab.standardPolicies(), Map.of());
        assertRows(attack(none, "SELECT id FROM orders")); // tenant = NULL: no row
        GuardSession defaulted = AttackLab.session(AccessMode.OPEN, AttackLab.standardPolicies(), Map.of(),
                List.of(new AttributeDefinition("tenant", AttributeType.STRING, new AttributeValue.Text("acme"), List.of())));
        assertRows(attack(defaulted, "SELECT count(*) FROM orders"), "4");
        GuardSession undefined = AttackLab.session(AccessMode.OPEN, AttackLab.standardPolicies(), Map.of(), List.of());
        Outcome o = attack(undefined, "SELECT id FROM orders");
        assertTrue(o.failed() || o.ok().isEmpty(), () -> "undefined attribute must fail closed: " + o);
        assertNoLeak(o);
    }

    @Test void v71_unqualifiedAndQualifiedNamesAreEnforcedAlike() {
        for (String name : List.of("orders", "public.orders", "ORDERS", "\"orders\"", "\"public\".\"orders\"", "Public.Orders")) {
            assertRows(attack("SELECT count(*) FROM " + name), "4");
        }
    }

    @Test void v72_threePartNameWithDataSource() {
        assertRows(attack("SELECT count(*) FROM lab.public.orders"), "4");
        assertNoLeak(attack("SELECT count(*) FROM attack_lab.public.orders")).refusal(); // upstream db name means nothing
    }

    @Test void v73_transitiveTenancyFailsClosedWithoutAnchors() {
        // payments has no tenant column and no policy of its own; a row filter referencing a column it lacks
        // must make the statement fail, never drop the filter.
        List<Policy> ps = new ArrayList<>(AttackLab.standardPolicies());
        ps.add(AttackLab.rowFilter("payments-tenant", "payments", "tenant = {user.tenant}"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        Outcome o = assertNoLeak(attack(s, "SELECT * FROM payments"));
        assertTrue(o.failed(), () -> "expected failure, got " + o.rows());
    }

    @Test void a07_cteShadowingTableName() {
        assertRows(attack("WITH orders AS (SELECT * FROM public.orders) SELECT count(*) FROM orders"), "4");
        assertRows(attack("WITH customers AS (SELECT id FROM orders) SELECT count(*) FROM customers"), "4");
    }

    @Test void a09_recursiveCte() {
        assertRows(attack("WITH RECURSIVE r(id) AS (SELECT min(id) FROM orders UNION ALL"
                + " SELECT o.id FROM orders o JOIN r ON o.id = r.id + 1) SELECT id FROM r"), "1", "2", "3", "4");
    }

    @Test void a11_scalarSubquery() {
        assertRows(attack("SELECT (SELECT count(*) FROM orders) AS n"), "4");
    }

    @Test void a12_existsSubquery() {
        assertRows(attack("SELECT id FROM payments WHERE EXISTS (SELECT 1 FROM orders WHERE tenant = 'other')"));
        assertRows(attack("SELECT id FROM payments p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = p.order_id)"), "1");
    }

    @Test void a13_inSubquery() {
        assertRows(attack("SELECT id FROM payments WHERE order_id IN (SELECT id FROM orders)"), "1");
    }

    @Test void a14_correlatedSubquery() {
        assertRows(attack("SELECT c.id, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c"),
                "1|2", "2|1", "4|1");
    }

    @Test void a15_subqueryInJoinOnAndHaving() {
        assertRows(attack("SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id"
                + " AND o.id IN (SELECT id FROM orders)"), "1");
        assertRows(attack("SELECT status FROM orders GROUP BY status HAVING count(*) < (SELECT count(*) FROM orders)"),
                "open", "paid");
    }

    @Test void a16_lateralSubquery() {
        assertRows(attack("SELECT c.id, x.n FROM customers c, LATERAL (SELECT count(*) AS n FROM orders o"
                + " WHERE o.customer_id = c.id) x WHERE c.id IN (3, 5)"));
    }

    @Test void a17_union() {
        assertRows(attack("SELECT note FROM orders UNION SELECT note FROM orders"), "n1", "n2", "n3", "n4");
    }

    @Test void a18_intersectAndExcept() {
        assertRows(attack("SELECT id FROM orders INTERSECT SELECT customer_id FROM orders"), "1", "2", "4");
        assertRows(attack("SELECT id FROM payments EXCEPT SELECT id FROM orders"));
    }

    @Test void a19_unionOfDifferentTablesKeepsEachFilter() {
        assertRows(attack("SELECT name FROM customers UNION ALL SELECT note FROM orders WHERE id > 3"), "Ann", "Bob", "Cid", "n4");
    }

    @Test void a21_outerJoinFilterIsAtTheScanNotTheWhere() {
        // A LEFT JOIN must not turn hidden right-side rows into visible NULL-extended ones or vice versa.
        assertRows(attack("SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.amount > 25"),
                "Ann|null", "Bob|3", "Cid|4");
    }

    @Test void a22_rightAndFullJoins() {
        assertRows(attack("SELECT o.id, c.name FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id"),
                "1|Ann", "2|Ann", "3|Bob", "4|Cid");
        assertEquals(4, attack("SELECT * FROM customers c FULL JOIN orders o ON o.customer_id = c.id").ok().size());
    }

    @Test void a25_whereOrTrueCannotEscapeTheFilter() {
        assertRows(attack("SELECT count(*) FROM orders WHERE tenant = 'other' OR 1=1"), "4");
        assertRows(attack("SELECT count(*) FROM orders WHERE true OR tenant <> 'acme'"), "4");
    }

    @Test void a26_operatorPrecedenceAndParentheses() {
        assertRows(attack("SELECT count(*) FROM orders WHERE (tenant = 'other') OR (status = 'deleted') OR NOT false"), "4");
    }

    @Test void a27_limitAndOrderPlacement() {
        assertRows(attack("SELECT id FROM orders ORDER BY amount DESC LIMIT 2"), "3", "4");
        assertRows(attack("SELECT id FROM orders ORDER BY id OFFSET 3"), "4");
    }
}
