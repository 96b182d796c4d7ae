package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;
import dev.betweenrows.testkit.PostgresServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Visibility vectors: hidden tables and schemas behave exactly like missing ones, access modes hold, and the
 * upstream catalog, statistics and server information are never reachable.
 */
class VisibilityVectorsTest extends AttackSuite {
    private static final Map<String, AttributeValue> ACME = Map.of("tenant", new AttributeValue.Text("acme"));

    VisibilityVectorsTest(PostgresServer pg) {
        super(pg);
    }

    private static GuardSession policyRequired(List<Policy> policies) {
        return AttackLab.session(AccessMode.POLICY_REQUIRED, policies, ACME);
    }

    @Test void v09_policyRequiredWithoutAllowLooksMissing() {
        GuardSession s = policyRequired(List.of());
        assertLooksMissing(s, "SELECT * FROM orders", "orders");
        assertUpstreamNeverRan(attack(s, "SELECT * FROM orders"));
    }

    @Test void v12_disabledDenyNoLongerHides() {
        Policy off = new Policy("pid-off", "pay-deny-off", PolicyType.COLUMN_DENY,
                List.of(Target.of(List.of("public"), List.of("employees"), List.of("department"))), null, false, 2);
        Policy on = AttackLab.columnDeny("dept-deny", "employees", "department");
        assertRows(attack(AttackLab.session(AccessMode.OPEN, List.of(off), ACME), "SELECT department FROM employees WHERE id = 1"), "sales");
        assertRefused(attack(AttackLab.session(AccessMode.OPEN, List.of(on), ACME), "SELECT department FROM employees"),
                "42703", "column \"department\" does not exist");
    }

    @Test void v17_schemaWideTableDeny() {
        assertLooksMissing(AttackLab.alice(), "SELECT * FROM analytics.events", "analytics.events");
        assertLooksMissing(AttackLab.alice(), "SELECT * FROM analytics.customers", "analytics.customers");
        assertRows(attack("SELECT count(*) FROM public.customers"), "3");
    }

    @Test void v18_singleTableDeny() {
        assertLooksMissing(AttackLab.alice(), "SELECT * FROM secrets", "secrets");
        assertLooksMissing(AttackLab.alice(), "SELECT s.value FROM orders o JOIN secrets s ON s.id = o.id", "secrets");
        assertRows(attack("SELECT count(*) FROM payments"), "2");
    }

    @Test void v19_globIsAPrefixPatternAndCaseSensitive() {
        assertLooksMissing(AttackLab.alice(), "SELECT * FROM raw_events", "raw_events");
        assertRows(attack("SELECT payload FROM rawdata"), "visible raw");
    }

    @Test void v20_denyAloneNeverGrantsInPolicyRequired() throws SQLException {
        GuardSession denyOnly = policyRequired(List.of(AttackLab.columnDeny("d", "customers", "ssn")));
        assertLooksMissing(denyOnly, "SELECT * FROM customers", "customers");
        GuardSession allowed = policyRequired(List.of(AttackLab.columnAllow("a", "customers", "id", "name"),
                AttackLab.rowFilter("t", "customers", "tenant = {user.tenant}")));
        assertEquals(List.of("id", "name"), columns(attack(allowed, "SELECT * FROM customers")));
        assertRefused(attack(allowed, "SELECT email FROM customers"), "42703", "column \"email\" does not exist");
        assertRows(attack(allowed, "SELECT name FROM customers"), "Ann", "Bob", "Cid");
    }

    @Test void v26_hiddenTableIs404Not403() {
        Outcome o = attack("SELECT * FROM secrets");
        assertRefused(o, "42P01", "relation \"secrets\" does not exist");
        assertFalse(o.refusal().reason().contains("secrets-deny") && o.refusal().message().contains("deny"));
    }

    @Test void v29_rowFilterAloneGrantsNoVisibility() {
        GuardSession s = policyRequired(List.of(AttackLab.rowFilter("only-filter", "orders", "tenant = {user.tenant}")));
        assertLooksMissing(s, "SELECT * FROM orders", "orders");
        assertUpstreamNeverRan(attack(s, "SELECT table_name FROM information_schema.tables"));
    }

    @Test void v61_explainIsRefused() {
        for (String sql : List.of("EXPLAIN SELECT * FROM orders", "EXPLAIN ANALYZE SELECT * FROM orders",
                "EXPLAIN (ANALYZE, VERBOSE) SELECT * FROM secrets", "explain select 1")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void v66_hiddenAndMissingAreDecidedWithoutUpstream() {
        // No upstream round trip for either, so upstream timing cannot tell them apart.
        assertUpstreamNeverRan(attack("SELECT * FROM secrets"));
        assertUpstreamNeverRan(attack("SELECT * FROM nosuch_table"));
    }

    @Test void a44_pgPrefixedUserTableKeepsItsPolicies() {
        for (String sql : List.of("SELECT note FROM public.pg_notes", "SELECT note FROM pg_notes", "TABLE public.pg_notes")) {
            Outcome o = assertNoLeak(attack(sql));
            assertTrue(o.failed() || o.ok().equals(List.of("visible note")), () -> sql + " → " + o);
        }
    }

    @Test void a89_informationSchemaAndPgCatalogNeverReachUpstream() {
        for (String sql : List.of("SELECT table_name FROM information_schema.tables",
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'employees'",
                "SELECT relname FROM pg_class", "SELECT * FROM pg_catalog.pg_tables", "SELECT 'secrets'::regclass",
                "SELECT to_regclass('secrets')", "SELECT has_table_privilege('secrets', 'select')",
                "SELECT * FROM \"pg_catalog\".\"pg_namespace\"", "SELECT * FROM U&\"pg\\005fclass\"")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a92_statisticsViewsNeverReachUpstream() {
        for (String sql : List.of("SELECT * FROM pg_stats WHERE tablename = 'customers'",
                "SELECT histogram_bounds FROM pg_catalog.pg_stats", "SELECT n_live_tup FROM pg_stat_user_tables",
                "SELECT reltuples FROM pg_class WHERE relname = 'orders'")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a93_otherSessionsActivityNeverReachesUpstream() {
        for (String sql : List.of("SELECT query FROM pg_stat_activity", "SELECT * FROM pg_locks",
                "SELECT pg_backend_pid()", "SELECT inet_server_addr()")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a94_currentUserIsTheProxyUserNotTheUpstreamRole() {
        Outcome o = attack("SELECT current_user");
        assertTrue(o.decision() instanceof AnswerLocally, () -> "answered upstream: " + o.decision());
        assertEquals(List.of(List.of("alice")), ((AnswerLocally) o.decision()).rows());
        assertUpstreamNeverRan(attack("SELECT current_user, name FROM customers"));
    }

    @Test void a95_currentDatabaseAndVersionDoNotNameUpstream() {
        Outcome db = attack("SELECT current_database()");
        assertEquals(List.of(List.of("lab")), ((AnswerLocally) db.decision()).rows());
        Outcome v = attack("SELECT version()");
        assertFalse(v.visibleText().contains(AttackLab.DB));
        assertUpstreamNeverRan(attack("SELECT current_database(), count(*) FROM orders"));
    }

    @Test void a96_hiddenColumnsAndTablesNotInAnyErrorText() {
        List<String> probes = new ArrayList<>(List.of("SELECT nosuch FROM employees", "SELECT * FROM employees e JOIN secrets s USING (id)",
                "SELECT e.* FROM employees e WHERE e.nosuch = 1", "SELECT id FROM customers WHERE nosuch = credit_card"));
        for (String sql : probes) {
            Outcome o = attack(sql);
            assertTrue(o.failed(), sql);
            assertNoLeak(o);
        }
    }
}
