package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.testkit.PostgresServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Column vectors: masks hold everywhere above the table reference (predicates, aggregates, windows, whole-row
 * references, set operations), denied columns are absent everywhere. customers.ssn is masked to
 * {@code ***-**-NNNN}; customers.credit_card, employees.salary and employees.ssn are denied.
 */
class ColumnVectorsTest extends AttackSuite {

    ColumnVectorsTest(PostgresServer pg) {
        super(pg);
    }

    private static final String DENIED_SSN = "column \"ssn\" does not exist";

    @Test void v05_compoundExpressionsOnMaskedColumn() {
        assertRows(attack("SELECT ssn || '', upper(ssn), substring(ssn FROM 1 FOR 6) FROM customers WHERE id = 1"),
                "***-**-0001|***-**-0001|***-**");
    }

    @Test void v06_starExpansionOmitsDeniedColumns() throws SQLException {
        Outcome o = attack("SELECT * FROM employees");
        assertEquals(List.of("id", "name", "department"), columns(o));
        assertNoLeak(o);
        assertEquals(List.of("id", "name", "email", "ssn", "tenant"), columns(attack("SELECT * FROM customers")));
    }

    @Test void v11_explicitDeniedColumnInMixedProjection() {
        assertRefused(attack("SELECT id, salary, name FROM employees"), "42703", "column \"salary\" does not exist");
        assertRefused(attack("SELECT e.salary FROM employees e"), "42703", "column e.salary does not exist");
    }

    @Test void v13_maskAppliesAndDenyBeatsMask() {
        List<Policy> ps = new ArrayList<>(AttackLab.standardPolicies());
        ps.add(AttackLab.mask("salary-mask", "employees", "salary", "0"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        assertRefused(attack(s, "SELECT salary FROM employees"), "42703", "column \"salary\" does not exist");
        assertRows(attack("SELECT ssn FROM customers"), "***-**-0001", "***-**-0002", "null");
    }

    @Test void v15_onlyDeniedColumns() {
        assertRefused(attack("SELECT ssn, salary FROM employees"), "42703", DENIED_SSN);
        assertRefused(attack("SELECT credit_card FROM customers"), "42703", "column \"credit_card\" does not exist");
    }

    @Test void v27_denyScopedPerTableInJoinsWithSharedNames() {
        // employees.ssn is denied, customers.ssn only masked: each reference sees its own table's policy.
        assertRows(attack("SELECT c.ssn FROM customers c JOIN employees e ON e.id = c.id WHERE c.id = 1"), "***-**-0001");
        assertRefused(attack("SELECT e.ssn FROM customers c JOIN employees e ON e.id = c.id"), "42703", "column e.ssn does not exist");
    }

    @Test void v28_aliasDoesNotEscapeDenyOrMask() {
        assertRefused(attack("SELECT c.credit_card FROM customers AS c"), "42703", "column c.credit_card does not exist");
        assertRows(attack("SELECT c.ssn FROM customers AS c WHERE c.id = 2"), "***-**-0002");
    }

    @Test void v30_cteDoesNotEscapeDenyOrMask() {
        assertRefused(attack("WITH t AS (SELECT * FROM employees) SELECT salary FROM t"), "42703", "column \"salary\" does not exist");
        assertRows(attack("WITH t AS (SELECT * FROM customers) SELECT ssn FROM t WHERE id = 1"), "***-**-0001");
    }

    @Test void v31_subqueryInFromDoesNotEscapeDenyOrMask() {
        assertRefused(attack("SELECT sub.salary FROM (SELECT * FROM employees) sub"), "42703", "column sub.salary does not exist");
        assertRows(attack("SELECT sub.ssn FROM (SELECT * FROM customers) sub WHERE sub.id = 2"), "***-**-0002");
    }

    @Test void v32_filterSeesRawOutputMasked() {
        List<Policy> ps = new ArrayList<>(AttackLab.standardPolicies());
        ps.add(AttackLab.rowFilter("ssn-filter", "customers", "ssn <> '900-12-0002'"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        assertRows(attack(s, "SELECT id, ssn FROM customers"), "1|***-**-0001");
    }

    @Test void v59_predicateProbingSeesMaskedValues() {
        assertRows(attack("SELECT id FROM customers WHERE ssn = '900-12-0001'"));
        assertRows(attack("SELECT id FROM customers WHERE ssn LIKE '900-12%'"));
        assertRows(attack("SELECT id FROM payments WHERE EXISTS (SELECT 1 FROM customers c WHERE c.ssn = '900-12-0001')"));
        assertRows(attack("SELECT c.id FROM customers c JOIN (VALUES ('900-12-0001')) v(ssn) ON c.ssn = v.ssn"));
        // Denied columns cannot be probed at all.
        assertRefused(attack("SELECT id FROM employees WHERE salary > 777702"), "42703", "column \"salary\" does not exist");
    }

    @Test void v60_aggregatesSeeMaskedValues() {
        assertRows(attack("SELECT min(ssn), max(ssn), count(DISTINCT ssn) FROM customers"), "***-**-0001|***-**-0002|2");
        assertRefused(attack("SELECT max(salary) FROM employees"), "42703", "column \"salary\" does not exist");
    }

    @Test void v62_havingOnMaskedAndDenied() {
        assertRows(attack("SELECT tenant FROM customers GROUP BY tenant HAVING max(ssn) LIKE '900%'"));
        assertRefused(attack("SELECT department FROM employees GROUP BY department HAVING max(salary) > 1"), "42703",
                "column \"salary\" does not exist");
    }

    @Test void v63_stringAggBulkCollection() {
        Outcome o = attack("SELECT string_agg(ssn, ',' ORDER BY ssn) FROM customers");
        assertRows(o, "***-**-0001,***-**-0002");
        assertFalse(o.rewritten().contains("string_agg(ssn") && !o.rewritten().contains("right(ssn"), o.rewritten());
        assertRefused(attack("SELECT string_agg(credit_card, ',') FROM customers"), "42703", null);
    }

    @Test void v64_caseCoalesceLengthOnDeniedColumn() {
        for (String e : List.of("CASE WHEN salary IS NOT NULL THEN 1 END", "coalesce(salary, 0)", "length(salary::text)")) {
            assertRefused(attack("SELECT " + e + " FROM employees"), "42703", "column \"salary\" does not exist");
        }
    }

    @Test void v65_windowOrderByMaskedOrDenied() {
        assertRows(attack("SELECT id, row_number() OVER (ORDER BY ssn DESC NULLS LAST) FROM customers"), "2|1", "1|2", "4|3");
        assertRefused(attack("SELECT row_number() OVER (ORDER BY salary) FROM employees"), "42703", null);
    }

    @Test void a45_wholeRowReference() {
        assertRows(attack("SELECT c FROM customers c WHERE c.id = 1"), "(1,Ann,ann@acme.test,***-**-0001,acme)");
    }

    @Test void a46_rowToJson() {
        assertRows(attack("SELECT row_to_json(e) FROM employees e WHERE e.id = 1"),
                "{\"id\":1,\"name\":\"Eve\",\"department\":\"sales\"}");
        assertRows(attack("SELECT to_jsonb(c) ->> 'ssn' FROM customers c WHERE id = 2"), "***-**-0002");
    }

    @Test void a47_maskedColumnInGroupByOrderByAndDistinct() {
        assertRows(attack("SELECT ssn, count(*) FROM customers GROUP BY ssn ORDER BY ssn"),
                "***-**-0001|1", "***-**-0002|1", "null|1");
        assertRows(attack("SELECT DISTINCT ssn FROM customers WHERE ssn IS NOT NULL"), "***-**-0001", "***-**-0002");
    }

    @Test void a48_maskedColumnInJoinOn() {
        assertRows(attack("SELECT e.name FROM employees e JOIN customers c ON c.ssn = '900-12-0001'"));
    }

    @Test void a49_unionBranchesAreMasked() {
        assertRows(attack("SELECT ssn FROM customers WHERE id = 1 UNION SELECT ssn FROM customers WHERE id = 2"),
                "***-**-0001", "***-**-0002");
    }

    @Test void a68_setReturningFunctionsOverMaskedValues() {
        assertRows(attack("SELECT regexp_split_to_table(ssn, '-') FROM customers WHERE id = 1"), "***", "**", "0001");
        assertRows(attack("SELECT u.part FROM customers c, unnest(string_to_array(c.ssn, '-')) AS u(part) WHERE c.id = 2"),
                "***", "**", "0002");
    }

    @Test void a104_systemColumnsCannotBypass() {
        Outcome o = attack("SELECT ctid, xmin, tableoid FROM customers");
        assertTrue(o.failed(), () -> "system columns of the base table must not be reachable: " + o);
        assertNoLeak(o);
    }

    @Test void int03_nullStaysNullThroughMask() {
        assertRows(attack("SELECT ssn IS NULL FROM customers WHERE id = 4"), "t");
    }

    @Test void int04_maskMayChangeTheType() {
        List<Policy> ps = new ArrayList<>(AttackLab.standardPolicies());
        ps.add(AttackLab.mask("email-len", "customers", "email", "length(email)"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        assertRows(attack(s, "SELECT email + 1 FROM customers WHERE id = 1"), "14");
    }
}
