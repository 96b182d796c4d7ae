package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.testkit.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Vectors decided by policy resolution, run end to end through the guard: role-scoped grants and denies, where
 * template values come from, and expressions that cannot be bound or parsed (fail closed, never raw).
 */
class PolicyResolutionVectorsTest extends AttackSuite {
    private static final DataSourceRef PR = new DataSourceRef("lab", "lab", AccessMode.POLICY_REQUIRED);
    private static final List<AttributeDefinition> TENANT =
            List.of(new AttributeDefinition("tenant", AttributeType.STRING, null, List.of()));

    PolicyResolutionVectorsTest(PostgresServer pg) {
        super(pg);
    }

    private static GuardSession withRoles(Set<String> activeRoles, List<Policy> policies, List<Assignment> assignments) {
        UserContext user = new UserContext("u-alice", "alice", Map.of("tenant", new AttributeValue.Text("acme")));
        EffectivePolicies effective = EffectivePolicies.resolve(user, activeRoles, PR, assignments, policies, TENANT);
        return new GuardSession(1, user, PR, effective, AttackLab.CATALOG);
    }

    @Test void v33_accessThroughARoleOnlyWhileTheRoleIsActive() {
        Policy allow = AttackLab.columnAllow("analysts-allow", "orders", "id", "amount", "tenant");
        Policy filter = AttackLab.rowFilter("analysts-tenant", "orders", "tenant = {user.tenant}");
        List<Assignment> toRole = List.of(new Assignment(allow.id(), "lab", Scope.ROLE, "r-analyst", 100),
                new Assignment(filter.id(), "lab", Scope.ROLE, "r-analyst", 100));
        assertRows(attack(withRoles(Set.of("r-analyst"), List.of(allow, filter), toRole), "SELECT count(*) FROM orders"), "5");
        // Deactivated or revoked: the role is no longer in the active closure, the table is gone.
        assertLooksMissing(withRoles(Set.of(), List.of(allow, filter), toRole), "SELECT count(*) FROM orders", "orders");
    }

    @Test void v37_denyWinsAcrossRoles() {
        Policy allow = AttackLab.columnAllow("a-allow", "customers", "id", "name", "ssn");
        Policy deny = AttackLab.columnDeny("b-deny", "customers", "ssn");
        Policy tdeny = AttackLab.tableDeny("c-tdeny", List.of("public"), List.of("customers"));
        List<Assignment> as = List.of(new Assignment(allow.id(), "lab", Scope.ROLE, "r-a", 1),
                new Assignment(deny.id(), "lab", Scope.ROLE, "r-b", 500));
        GuardSession s = withRoles(Set.of("r-a", "r-b"), List.of(allow, deny), as);
        assertRefused(attack(s, "SELECT ssn FROM customers"), "42703", "column \"ssn\" does not exist");
        List<Assignment> as2 = List.of(new Assignment(allow.id(), "lab", Scope.ROLE, "r-a", 1),
                new Assignment(tdeny.id(), "lab", Scope.ROLE, "r-c", 999));
        assertLooksMissing(withRoles(Set.of("r-a", "r-c"), List.of(allow, tdeny), as2), "SELECT id FROM customers", "customers");
    }

    @Test void v42_templateValuesComeFromTheUser() {
        List<Policy> ps = List.of(AttackLab.rowFilter("by-name", "customers", "lower(name) = {user.username}"),
                AttackLab.rowFilter("by-tenant", "orders", "tenant = {user.tenant}"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        assertRows(attack(s, "SELECT count(*) FROM customers"), "0"); // no customer is called alice
        assertRows(attack(s, "SELECT count(*) FROM orders"), "5");
    }

    @Test void v67_builtInTemplateVariablesCannotBeOverridden() {
        // Even if an attribute called "username" reached the user context, {user.username} is the login name.
        List<Policy> ps = List.of(AttackLab.rowFilter("by-name", "customers", "{user.username} = 'alice' AND tenant = 'acme'"));
        Map<String, AttributeValue> attrs = Map.of("username", new AttributeValue.Text("x' OR 'a'='a"));
        Outcome o = attack(AttackLab.session(AccessMode.OPEN, ps, attrs, List.of()), "SELECT count(*) FROM customers");
        assertTrue(o.failed() || o.ok().equals(List.of("3")), () -> "built-in overridden: " + o);
        assertNoLeak(o);
    }

    @Test void v68_unparseableOrUnbindableExpressionsFailClosed() {
        List<Policy> broken = new ArrayList<>(AttackLab.standardPolicies());
        broken.removeIf(p -> p.name().equals("ssn-mask"));
        broken.add(AttackLab.mask("ssn-broken", "customers", "ssn", "right(ssn,"));
        Outcome o = attack(AttackLab.session(AccessMode.OPEN, broken, Map.of("tenant", new AttributeValue.Text("acme"))),
                "SELECT ssn FROM customers");
        assertTrue(o.failed(), () -> "a broken mask must fail the statement: " + o.rows());
        assertNoLeak(o);
        List<Policy> unbound = new ArrayList<>(AttackLab.standardPolicies());
        unbound.add(AttackLab.rowFilter("region", "orders", "tenant = {user.region}"));
        Outcome u = attack(AttackLab.session(AccessMode.OPEN, unbound, Map.of("tenant", new AttributeValue.Text("acme"))),
                "SELECT count(*) FROM orders");
        assertTrue(u.failed() || u.ok().equals(List.of("0")), () -> "an unbound filter must fail closed: " + u.rows());
        assertNoLeak(u);
    }

    @Test void v68_maskWithExtractIsApplied() {
        List<Policy> ps = new ArrayList<>(AttackLab.standardPolicies());
        ps.add(AttackLab.mask("email-year", "customers", "email", "extract(year FROM timestamp '2024-05-01')::text"));
        GuardSession s = AttackLab.session(AccessMode.OPEN, ps, Map.of("tenant", new AttributeValue.Text("acme")));
        assertRows(attack(s, "SELECT email FROM customers WHERE id = 1"), "2024");
    }
}
