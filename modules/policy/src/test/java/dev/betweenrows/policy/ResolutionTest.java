package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.betweenrows.policy.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ResolutionTest {

    @Test void policyRequiredHidesTablesWithoutAnAllow() {
        Policy f = filter("tenant", "org = {user.tenant}", "orders");
        Policy m = mask("m", "NULL", "orders", "email");
        var eff = resolveAll(REQUIRED, f, m);
        assertTrue(eff.forTable(ORDERS, ORDER_COLS).isEmpty(), "filters and masks do not grant");
        assertTrue(resolveAll(REQUIRED).forTable(ORDERS, ORDER_COLS).isEmpty(), "no policies, nothing visible");
    }

    @Test void openShowsEverythingButAnAllowStillRestrictsItsTable() {
        var none = resolveAll(OPEN);
        TablePolicy plain = none.forTable(ORDERS, ORDER_COLS).orElseThrow();
        assertTrue(plain.isUnrestricted(ORDER_COLS.size()));
        assertTrue(plain.applied().isEmpty());
        var eff = resolveAll(OPEN, allow("only-id", "orders", "id"));
        assertEquals(List.of("id"), names(eff.forTable(ORDERS, ORDER_COLS).orElseThrow()));
        assertEquals(CUSTOMER_COLS, eff.forTable(CUSTOMERS, CUSTOMER_COLS).orElseThrow().visibleColumns());
    }

    @Test void aTableWithNoVisibleColumnIsHidden() {
        assertTrue(resolveAll(OPEN, deny("all", "orders", "*")).forTable(ORDERS, ORDER_COLS).isEmpty());
        assertTrue(resolveAll(REQUIRED, allow("typo", "orders", "idd")).forTable(ORDERS, ORDER_COLS).isEmpty());
    }

    @Test void disabledPoliciesNeverApply() {
        Policy hide = new Policy("p-hide", "hide", PolicyType.TABLE_DENY, List.of(target("public", "*")), null, false, 3);
        assertTrue(resolveAll(OPEN, hide).forTable(ORDERS, ORDER_COLS).isPresent());
        assertTrue(resolveAll(OPEN, hide).policies().isEmpty());
    }

    @Test void onlyAssignmentsOfThisDataSourceAndUserCount() {
        Policy hide = tableDeny("hide", "public", "orders");
        List<Assignment> elsewhere = List.of(new Assignment(hide.id(), "ds2", Scope.ALL, null, 1),
                toUser(hide, "u-bob", 1), toRole(hide, "admins", 1),
                new Assignment("p-deleted", "ds1", Scope.ALL, null, 1));
        var eff = EffectivePolicies.resolve(ALICE, Set.of("analyst"), OPEN, elsewhere, List.of(hide), DEFS);
        assertTrue(eff.forTable(ORDERS, ORDER_COLS).isPresent());
        var viaRole = EffectivePolicies.resolve(ALICE, Set.of("admins"), OPEN, elsewhere, List.of(hide), DEFS);
        assertTrue(viaRole.forTable(ORDERS, ORDER_COLS).isEmpty());
    }

    @Test void aPolicyReachedTwiceKeepsItsBestAssignment() {
        Policy m = mask("m", "NULL", "orders", "email");
        var eff = EffectivePolicies.resolve(ALICE, Set.of("analyst"), OPEN,
                List.of(toAll(m, 100), toRole(m, "analyst", 20), toUser(m, "u-alice", 20)), List.of(m), DEFS);
        assertEquals(1, eff.policies().size());
        assertEquals(20, eff.policies().get(0).priority());
        assertEquals(Scope.USER, eff.policies().get(0).scope());
    }

    @Test void equalPriorityTieBreaksUserThenRoleThenAllThenName() {
        Policy viaAll = mask("a-all", "'all'", "orders", "email");
        Policy viaRole = mask("b-role", "'role'", "orders", "email");
        Policy viaUser = mask("c-user", "'user'", "orders", "email");
        List<Policy> ps = List.of(viaAll, viaRole, viaUser);
        var all3 = EffectivePolicies.resolve(ALICE, Set.of("r"), OPEN,
                List.of(toAll(viaAll, 5), toRole(viaRole, "r", 5), toUser(viaUser, "u-alice", 5)), ps, DEFS);
        assertEquals("'user'", all3.forTable(ORDERS, ORDER_COLS).orElseThrow().maskOf("email").orElseThrow().sql());
        var roleVsAll = EffectivePolicies.resolve(ALICE, Set.of("r"), OPEN,
                List.of(toAll(viaAll, 5), toRole(viaRole, "r", 5)), ps, DEFS);
        assertEquals("'role'", roleVsAll.forTable(ORDERS, ORDER_COLS).orElseThrow().maskOf("email").orElseThrow().sql());
        var sameScope = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(viaRole, 5), toAll(viaAll, 5)), ps, DEFS);
        assertEquals("'all'", sameScope.forTable(ORDERS, ORDER_COLS).orElseThrow().maskOf("email").orElseThrow().sql(),
                "then by name: a-all < b-role");
        var priorityFirst = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(viaAll, 4), toUser(viaUser, "u-alice", 5)), ps, DEFS);
        assertEquals("'all'", priorityFirst.forTable(ORDERS, ORDER_COLS).orElseThrow().maskOf("email").orElseThrow().sql(),
                "priority beats scope");
    }

    @Test void schemaDenyHidesEveryTableAndIsReported() {
        var eff = resolveAll(OPEN, tableDeny("no-analytics", "analytics", "*"));
        assertTrue(eff.isSchemaDenied("analytics"));
        assertFalse(eff.isSchemaDenied("public"));
        assertTrue(eff.forTable(new TableRef("analytics", "events"), ORDER_COLS).isEmpty());
    }

    @Test void tablesNamedPgStarGetPoliciesLikeAnyOther() {
        var eff = resolveAll(OPEN, filter("f", "org = 'x'", "pg_orders"));
        assertEquals(1, eff.forTable(new TableRef("public", "pg_orders"), ORDER_COLS).orElseThrow().rowFilters().size());
    }

    @Test void appliedListsTheContributingPoliciesInRankOrder() {
        Policy a = allow("allow", "orders", "*");
        Policy d = deny("deny-email", "orders", "email");
        Policy dUnused = deny("deny-ghost", "orders", "no_such_column");
        Policy m = mask("mask-amount", "0", "orders", "amount");
        Policy f = filter("tenant", "org = {user.tenant}", "orders");
        Policy other = filter("other-table", "true", "customers");
        var eff = EffectivePolicies.resolve(ALICE, Set.of(), REQUIRED,
                List.of(toAll(a, 1), toAll(d, 2), toAll(dUnused, 3), toAll(m, 4), toAll(f, 5), toAll(other, 6)),
                List.of(a, d, dUnused, m, f, other), DEFS);
        TablePolicy t = eff.forTable(ORDERS, ORDER_COLS).orElseThrow();
        assertEquals(List.of(a.applied(), d.applied(), m.applied(), f.applied()), t.applied());
        assertEquals(new AppliedPolicy("p-tenant", "tenant", 1, PolicyType.ROW_FILTER), f.applied());
    }

    @Test void unboundableFilterMakesItsVisibleTableFailClosed() {
        Policy f = filter("by-region", "region = {user.region}", "orders"); // region has no definition
        var eff = resolveAll(OPEN, f);
        BindingException e = assertThrows(BindingException.class, () -> eff.forTable(ORDERS, ORDER_COLS));
        assertTrue(e.getMessage().contains("by-region") && e.getMessage().contains("region"));
        assertTrue(eff.policies().get(0).broken(), "kept, marked broken, never dropped");
        assertTrue(eff.forTable(CUSTOMERS, CUSTOMER_COLS).isPresent(), "other tables unaffected");
    }

    @Test void brokenPolicyOnAHiddenTableRevealsNothing() {
        Policy f = filter("by-region", "region = {user.region}", "orders");
        var eff = resolveAll(REQUIRED, f);
        assertTrue(eff.forTable(ORDERS, ORDER_COLS).isEmpty(), "hidden is decided before binding errors");
    }

    @Test void brokenWinningMaskFailsClosedButALosingOneDoesNot() {
        Policy broken = mask("broken", "{user.gone}", "orders", "email");
        Policy good = mask("good", "'x'", "orders", "email");
        var brokenWins = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(broken, 1), toAll(good, 2)), List.of(broken, good), DEFS);
        assertThrows(BindingException.class, () -> brokenWins.forTable(ORDERS, ORDER_COLS));
        var goodWins = EffectivePolicies.resolve(ALICE, Set.of(), OPEN,
                List.of(toAll(broken, 2), toAll(good, 1)), List.of(broken, good), DEFS);
        assertEquals("'x'", goodWins.forTable(ORDERS, ORDER_COLS).orElseThrow().maskOf("email").orElseThrow().sql());
    }

    @Test void fingerprintFollowsBoundValuesNotIdentity() {
        Policy f = filter("tenant", "org = {user.tenant}", "orders");
        UserContext bobAcme = new UserContext("u-bob", "bob", Map.of("tenant", new AttributeValue.Text("acme")));
        UserContext carolGlobex = new UserContext("u-carol", "carol", Map.of("tenant", new AttributeValue.Text("globex")));
        String alice = resolveAll(OPEN, f).fingerprint();
        String bob = EffectivePolicies.resolve(bobAcme, Set.of(), OPEN, List.of(toAll(f, 100)), List.of(f), DEFS).fingerprint();
        String carol = EffectivePolicies.resolve(carolGlobex, Set.of(), OPEN, List.of(toAll(f, 100)), List.of(f), DEFS).fingerprint();
        assertEquals(alice, bob);
        assertNotEquals(alice, carol);
        Policy f2 = new Policy(f.id(), f.name(), f.type(), f.targets(), f.expression(), true, 2);
        assertNotEquals(alice, resolveAll(OPEN, f2).fingerprint(), "a new policy version changes it");
        assertNotEquals(alice, resolveAll(REQUIRED, f).fingerprint(), "the access mode changes it");
    }

    @Test void duplicatePolicyIdsAreRejected() {
        Policy a = filter("a", "true", "orders");
        Policy b = new Policy(a.id(), "b", PolicyType.ROW_FILTER, a.targets(), "false", true, 1);
        assertThrows(IllegalArgumentException.class, () -> resolveAll(OPEN, a, b));
    }
}
