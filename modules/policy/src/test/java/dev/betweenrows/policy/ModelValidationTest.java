package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.betweenrows.policy.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ModelValidationTest {
    private static void bad(Runnable r) { assertThrows(IllegalArgumentException.class, r::run); }

    @Test void policyTypesRoundTripTheirJsonNames() {
        for (PolicyType t : PolicyType.values()) assertSame(t, PolicyType.fromJson(t.jsonName()));
        assertEquals("table_deny", PolicyType.TABLE_DENY.jsonName());
        bad(() -> PolicyType.fromJson("ROW_FILTER"));
        assertSame(AccessMode.POLICY_REQUIRED, AccessMode.DEFAULT);
        assertSame(AccessMode.OPEN, AccessMode.fromJson("open"));
        assertSame(Scope.ALL, Scope.fromJson("all"));
    }

    @Test void columnsRequiredExactlyForColumnTypes() {
        bad(() -> policy("m", PolicyType.COLUMN_MASK, "NULL", target("public", "t")));
        bad(() -> policy("a", PolicyType.COLUMN_ALLOW, null, target("public", "t")));
        bad(() -> policy("d", PolicyType.COLUMN_DENY, null, target("public", "t")));
        bad(() -> policy("f", PolicyType.ROW_FILTER, "true", target("public", "t", "c")));
        bad(() -> policy("x", PolicyType.TABLE_DENY, null, target("public", "t", "c")));
        assertDoesNotThrow(() -> policy("ok", PolicyType.TABLE_DENY, null, target("public", "t")));
    }

    @Test void expressionRequiredForFilterAndMaskAndRefusedElsewhere() {
        bad(() -> policy("f", PolicyType.ROW_FILTER, " ", target("public", "t")));
        bad(() -> policy("m", PolicyType.COLUMN_MASK, null, target("public", "t", "c")));
        bad(() -> policy("a", PolicyType.COLUMN_ALLOW, "true", target("public", "t", "c")));
        bad(() -> policy("f", PolicyType.ROW_FILTER, "x".repeat(Policy.MAX_EXPRESSION_LENGTH + 1), target("public", "t")));
    }

    @Test void policyNamesFollowTheRules() {
        assertDoesNotThrow(() -> Policy.checkName("mask-ssn (v2): \"full\" 'x'.y_z"));
        bad(() -> Policy.checkName(" lead"));
        bad(() -> Policy.checkName("trail "));
        bad(() -> Policy.checkName(""));
        bad(() -> Policy.checkName("semi;colon"));
        bad(() -> Policy.checkName("x".repeat(101)));
        bad(() -> new Policy("id", "n", PolicyType.TABLE_DENY, List.of(target("s", "t")), null, true, 0));
        bad(() -> new Policy("id", "n", PolicyType.TABLE_DENY, List.of(), null, true, 1));
    }

    @Test void assignmentScopeIdPresentExactlyUnlessAll() {
        bad(() -> new Assignment("p", "ds", Scope.ALL, "u1", 1));
        bad(() -> new Assignment("p", "ds", Scope.USER, null, 1));
        bad(() -> new Assignment("p", "ds", Scope.ROLE, " ", 1));
        bad(() -> new AccessGrant("ds", Scope.ALL, "r"));
    }

    @Test void accessGrantsCoverUsersRolesAndAll() {
        List<AccessGrant> grants = List.of(new AccessGrant("ds1", Scope.ROLE, "analyst"),
                new AccessGrant("ds2", Scope.USER, "u1"), new AccessGrant("ds3", Scope.ALL, null));
        assertTrue(AccessGrant.permits(grants, "u9", java.util.Set.of("analyst"), "ds1"));
        assertFalse(AccessGrant.permits(grants, "u9", java.util.Set.of(), "ds1"));
        assertTrue(AccessGrant.permits(grants, "u1", java.util.Set.of(), "ds2"));
        assertFalse(AccessGrant.permits(grants, "u2", java.util.Set.of(), "ds2"));
        assertTrue(AccessGrant.permits(grants, "anyone", java.util.Set.of(), "ds3"));
        assertFalse(AccessGrant.permits(grants, "u1", java.util.Set.of("analyst"), "ds4"));
    }

    @Test void attributeDefinitionsValidateKeysDefaultsAndValues() {
        bad(() -> new AttributeDefinition("1abc", AttributeType.STRING, null, List.of()));
        bad(() -> new AttributeDefinition("username", AttributeType.STRING, null, List.of()));
        bad(() -> new AttributeDefinition("x".repeat(65), AttributeType.STRING, null, List.of()));
        bad(() -> new AttributeDefinition("level", AttributeType.INTEGER, new AttributeValue.Text("3"), List.of()));
        bad(() -> new AttributeDefinition("region", AttributeType.STRING, new AttributeValue.Text("mars"), List.of("eu", "us")));
        AttributeDefinition depts = new AttributeDefinition("depts", AttributeType.LIST, null, List.of("hr", "it"));
        depts.check(new AttributeValue.Strings(List.of("hr", "it")));
        bad(() -> depts.check(new AttributeValue.Strings(List.of("hr", "sales"))));
        bad(() -> depts.check(new AttributeValue.Text("hr")));
    }

    @Test void scalarValuesParseLikeBetweenRows() {
        AttributeDefinition level = new AttributeDefinition("level", AttributeType.INTEGER, null, List.of());
        assertEquals(new AttributeValue.Int(3), level.parseScalar("3"));
        bad(() -> level.parseScalar("three"));
        AttributeDefinition vip = new AttributeDefinition("vip", AttributeType.BOOLEAN, null, List.of());
        assertEquals(new AttributeValue.Bool(true), vip.parseScalar("true"));
        bad(() -> vip.parseScalar("TRUE"));
        bad(() -> new AttributeValue.Text("a\0b"));
        bad(() -> new AttributeValue.Text("x".repeat(AttributeValue.MAX_STRING + 1)));
        bad(() -> new AttributeValue.Strings(java.util.Collections.nCopies(AttributeValue.MAX_LIST + 1, "a")));
    }

    @Test void roleNames() {
        assertDoesNotThrow(() -> Role.checkName("data.eng-team_1"));
        bad(() -> Role.checkName("ab"));
        bad(() -> Role.checkName("1team"));
        bad(() -> Role.checkName("team space"));
    }

    @Test void recordsCopyTheirCollections() {
        var attrs = new java.util.HashMap<String, AttributeValue>(Map.of("tenant", new AttributeValue.Text("a")));
        UserContext u = new UserContext("u", "n", attrs);
        attrs.clear();
        assertEquals(1, u.attributes().size());
        assertThrows(UnsupportedOperationException.class, () -> u.attributes().clear());
    }

    @Test void guardDecisionsValidate() {
        bad(() -> new GuardDecision.Refuse("4201", "m", "r"));
        bad(() -> new GuardDecision.Refuse("42p01", "m", "r"));
        var refuse = new GuardDecision.Refuse("42P01", "relation \"x\" does not exist", "table_deny 'hide-x'");
        assertEquals(0, refuse.position());
        var local = new GuardDecision.AnswerLocally(List.of(new GuardDecision.LocalColumn("version", 25)),
                List.of(java.util.Arrays.asList((String) null)), "SELECT 1");
        assertNull(local.rows().get(0).get(0), "SQL NULL survives the defensive copy");
        bad(() -> new GuardDecision.AnswerLocally(List.of(new GuardDecision.LocalColumn("a", 25)),
                List.of(List.of("1", "2")), "SELECT 1"));
        bad(() -> new GuardDecision.Forward(" ", List.of()));
    }

    @Test void guardSessionPartsMustBelongToItsDataSource() {
        EffectivePolicies policies = resolveAll(OPEN);
        var other = new CatalogSnapshot("ds2", 1, List.of());
        bad(() -> new GuardSession(1, ALICE, OPEN, policies, other));
        var session = new GuardSession(1, ALICE, OPEN, policies, new CatalogSnapshot("ds1", 1, List.of(
                new CatalogTable(CUSTOMERS, "sales", TableKind.TABLE, CUSTOMER_COLS))));
        assertTrue(session.catalog().find("sales", "customers").isPresent());
        assertTrue(session.catalog().find("public", "customers").isEmpty(), "clients see the alias only");
    }
}
