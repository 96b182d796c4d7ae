package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.testkit.PostgresServer;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Identifier and spelling vectors (A29–A43): every spelling of a table PostgreSQL accepts reaches the same
 * policy-restricted relation, and every spelling of a hidden table looks missing. Also per-user results through
 * one shared guard and its cache (P13) and result columns as a Describe would see them (P11).
 */
class IdentifierVectorsTest extends AttackSuite {

    IdentifierVectorsTest(PostgresServer pg) {
        super(pg);
    }

    @Test void a29_caseFoldingAndQuoting() {
        for (String t : List.of("ORDERS", "Orders", "\"orders\"", "PUBLIC.ORDERS", "\"public\".orders", "public.\"orders\"")) {
            assertRows(attack("SELECT count(*) FROM " + t), "4");
        }
        assertRefused(attack("SELECT count(*) FROM \"ORDERS\""), "42P01", "relation \"ORDERS\" does not exist");
    }

    @Test void a31_commentsAroundAndInsideNames() {
        assertRows(attack("SELECT count(*) FROM/**/orders"), "4");
        assertRows(attack("SELECT count(*) FROM /* secrets */ orders -- secrets"), "4");
        assertRows(attack("SELECT count(*) FROM -- comment\norders"), "4");
        assertRows(attack("SELECT count(*) FROM public/**/./**/orders"), "4");
        assertRows(attack("SELECT count(*) FROM /* nested /* comment */ */ orders"), "4");
    }

    @Test void a34_unicodeEscapedIdentifiers() {
        assertRows(attack("SELECT count(*) FROM U&\"\\006Frders\""), "4");
        assertRows(attack("SELECT count(*) FROM U&\"!006Frders\" UESCAPE '!'"), "4");
        // PostgreSQL names the decoded spelling the user wrote; a hidden table reads exactly like a missing one.
        Outcome hidden = attack("SELECT * FROM U&\"\\0073ecrets\"");
        Outcome missing = attack("SELECT * FROM U&\"\\006Eosuch\"");
        assertEquals("42P01", hidden.refusal().sqlState());
        assertEquals(missing.refusal().message().replace("nosuch", "secrets"), hidden.refusal().message());
        assertUpstreamNeverRan(hidden);
    }

    @Test void a36_dollarQuotingAndStringsHideNothing() {
        assertRows(attack("SELECT count(*) FROM orders WHERE note <> $$ FROM secrets $$"), "4");
        assertRows(attack("SELECT count(*) FROM orders WHERE note <> $x$'; SELECT * FROM secrets; --$x$"), "4");
        assertRows(attack("SELECT count(*) FROM orders WHERE note <> E'\\' FROM secrets'"), "4");
    }

    @Test void a38_tableAndOnlyForms() {
        assertRows(attack("TABLE orders"), "1|1|10.00|paid|acme|n1", "2|1|20.00|open|acme|n2",
                "3|2|30.00|paid|acme|n3", "4|4|40.00|paid|acme|n4");
        // ONLY and TABLESAMPLE stay on the base table inside the derived table: the row filter still applies.
        assertRows(attack("SELECT count(*) FROM ONLY orders"), "4");
        assertRows(attack("SELECT count(*) FROM ONLY public.orders o TABLESAMPLE BERNOULLI (100) REPEATABLE (1)"), "4");
        assertLooksMissing(AttackLab.alice(), "TABLE secrets", "secrets");
    }

    @Test void a40_hiddenTableInEverySpelling() {
        for (String sql : List.of("SELECT * FROM SECRETS", "SELECT * FROM \"secrets\"", "SELECT * FROM public.secrets",
                "SELECT * FROM lab.public.secrets", "SELECT * FROM/**/secrets", "SELECT (SELECT value FROM secrets)",
                "SELECT id FROM orders WHERE id IN (SELECT id FROM secrets)", "WITH x AS (SELECT * FROM secrets) SELECT 1",
                "SELECT * FROM orders UNION SELECT * FROM secrets")) {
            Outcome o = assertNoLeak(attack(sql));
            assertEquals("42P01", o.refusal().sqlState(), sql);
        }
    }

    @Test void a42_decoySchemaIsNotOnTheSearchPath() {
        // analytics.customers exists (and is denied); the unqualified name must resolve to public.customers only.
        assertRows(attack("SELECT name FROM customers"), "Ann", "Bob", "Cid");
    }

    @Test void a43_castFailureMessagesShowOnlyVisibleValues() {
        Outcome o = assertNoLeak(attack("SELECT note::int FROM orders"));
        assertEquals("22P02", o.errorState());
        Outcome masked = assertNoLeak(attack("SELECT ssn::int FROM customers"));
        assertEquals("22P02", masked.errorState());
    }

    @Test void p11_resultColumnsAreTheRestrictedOnes() throws SQLException {
        assertEquals(List.of("id", "name", "department"), columns(attack("SELECT e.* FROM employees e")));
        assertEquals(List.of("c"), columns(attack("SELECT c FROM customers c WHERE false")));
    }

    @Test void p13_sharedGuardAndCacheNeverBleedAcrossUsers() {
        GuardSession other = AttackLab.session(AccessMode.OPEN, AttackLab.standardPolicies(),
                Map.of("tenant", new AttributeValue.Text("other")));
        String sql = "SELECT id FROM orders ORDER BY id";
        assertRows(attack(sql), "1", "2", "3", "4");
        Outcome theirs = attack(other, sql);
        assertEquals(List.of("5", "6"), theirs.ok());
        assertNotEquals(attack(sql).rewritten(), theirs.rewritten());
        assertRows(attack(sql), "1", "2", "3", "4");
    }
}
