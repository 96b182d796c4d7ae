package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.betweenrows.policy.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** One test per row of the reference's §2.6 "How policies combine" table. */
class CombinationTableTest {

    @Test void severalRowFiltersAreAllApplied() {
        Policy tenant = filter("tenant", "org = {user.tenant}", "orders");
        Policy active = filter("active", "status = 'active'", "orders");
        TablePolicy t = resolveAll(OPEN, tenant, active).forTable(ORDERS, ORDER_COLS).orElseThrow();
        assertEquals(List.of("status = 'active'", "org = 'acme'"),
                t.rowFilters().stream().map(RowFilter::sql).toList(), "both, in rank order (name at equal priority)");
    }

    @Test void severalMasksOnOneColumnLowestPriorityWins() {
        Policy partial = mask("partial", "'***' || RIGHT(ssn, 4)", "customers", "ssn");
        Policy full = mask("full", "'[RESTRICTED]'", "customers", "ssn");
        var eff = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(partial, 50), toAll(full, 100)), List.of(partial, full), DEFS);
        TablePolicy t = eff.forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow();
        assertEquals("'***' || RIGHT(ssn, 4)", t.maskOf("ssn").orElseThrow().sql());
        assertEquals(List.of(partial.applied()), t.applied(), "the losing mask did not apply");
    }

    @Test void denyBeatsAllow() {
        Policy allow = allow("allow-all", "customers", "*");
        Policy deny = deny("no-ssn", "customers", "ssn");
        TablePolicy t = resolveAll(POLICY_REQUIRED_DS, allow, deny).forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow();
        assertEquals(List.of("id", "name", "email", "org"), names(t));
    }

    @Test void denyBeatsMask() {
        Policy mask = mask("mask-ssn", "'x'", "customers", "ssn");
        Policy deny = deny("no-ssn", "customers", "ssn");
        var eff = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(mask, 0), toAll(deny, 900)), List.of(mask, deny), DEFS);
        TablePolicy t = eff.forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow();
        assertFalse(t.isVisible("ssn"));
        assertTrue(t.masks().isEmpty(), "mask skipped for the denied column");
        assertEquals(List.of(deny.applied()), t.applied());
    }

    @Test void tableDenyBeatsEverything() {
        Policy allow = allow("allow-all", "customers", "*");
        Policy f = filter("tenant", "org = {user.tenant}", "customers");
        Policy hide = tableDeny("hide", "public", "customers");
        var eff = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toUser(allow, "u-alice", 0), toAll(f, 0), toAll(hide, 1000)), List.of(allow, f, hide), DEFS);
        assertTrue(eff.forTable(CUSTOMERS, CUSTOMER_COLS).isEmpty());
        assertTrue(eff.forTable(ORDERS, ORDER_COLS).isPresent(), "only the targeted table");
    }

    @Test void severalAllowsUnionTheirColumns() {
        Policy a = allow("a", "customers", "id", "name");
        Policy b = allow("b", "customers", "name", "email");
        TablePolicy t = resolveAll(POLICY_REQUIRED_DS, a, b).forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow();
        assertEquals(List.of("id", "name", "email"), names(t), "catalog order, no duplicates");
    }

    @Test void denyWinsAcrossRolesScopesAndPriorities() {
        Policy allow = allow("allow-all", "customers", "*");
        Policy deny = deny("no-email", "customers", "email");
        var eff = EffectivePolicies.resolve(ALICE, Set.of("analyst"), POLICY_REQUIRED_DS,
                List.of(toUser(allow, "u-alice", 0), toRole(deny, "analyst", 10_000)), List.of(allow, deny), DEFS);
        assertFalse(eff.forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow().isVisible("email"));
    }

    @Test void joinsArePerTableSoADenyOnOneTableLeavesTheOther() {
        var eff = resolveAll(OPEN, deny("no-email", "customers", "email"));
        assertFalse(eff.forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow().isVisible("email"));
        assertTrue(eff.forTable(ORDERS, ORDER_COLS).orElseThrow().isVisible("email"));
    }

    @Test void theAnswerDependsOnlyOnTheTableNotOnHowItIsReferenced() {
        // CTE / alias / subquery / UNION handling is the rewrite's job: it asks per base-table reference,
        // so every reference of one table must get the same answer.
        var eff = resolveAll(OPEN, filter("tenant", "org = {user.tenant}", "orders"));
        assertEquals(eff.forTable(ORDERS, ORDER_COLS), eff.forTable(ORDERS, ORDER_COLS));
    }

    @Test void rowFilterAndMaskOnTheSameColumnBothApply() {
        Policy f = filter("acme-only", "org = 'acme'", "customers");
        Policy m = policy("mask-org", PolicyType.COLUMN_MASK, "'hidden'", target("public", "customers", "org"));
        TablePolicy t = resolveAll(OPEN, f, m).forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow();
        assertEquals("org = 'acme'", t.rowFilters().get(0).sql(), "filter text names the raw column");
        assertEquals("'hidden'", t.maskOf("org").orElseThrow().sql());
    }

    private static final DataSourceRef POLICY_REQUIRED_DS = REQUIRED;
}
