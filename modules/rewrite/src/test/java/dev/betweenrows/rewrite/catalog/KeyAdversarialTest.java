package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardSession;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adversarial cases for keys in the per-user catalog: a plan compiled for one user must not carry that user's key
 * definitions to another, client-statement answers must treat bound values as data, and a key's name must not
 * mention a column hidden in the table it references.
 */
class KeyAdversarialTest {
    private final CatalogQueries queries = new CatalogQueries("15.18", List.of("public"));

    private String flat(String sql, GuardSession session, String... parameters) {
        GuardDecision d = queries.answer(sql, List.of(parameters), session);
        if (d instanceof GuardDecision.Refuse r) throw new AssertionError("refused: " + r.reason());
        return assertInstanceOf(AnswerLocally.class, d).rows().stream()
                .map(r -> String.join("|", r.stream().map(String::valueOf).toList())).collect(Collectors.joining(";"));
    }

    @Test
    void aDefinitionEvaluatedForOneUserIsNotReplayedToAnother() {
        String index = flat("SELECT oid FROM pg_catalog.pg_class WHERE relname = 'orders_pkey'", KeyFixture.alice());
        String constraint = flat("SELECT oid FROM pg_catalog.pg_constraint WHERE conname = 'orders_pkey'",
                KeyFixture.alice());
        String indexDef = "SELECT pg_catalog.pg_get_indexdef(" + index + ")";
        String constraintDef = "SELECT pg_catalog.pg_get_constraintdef(" + constraint + ", true)";
        String column = "SELECT pg_catalog.pg_get_indexdef(" + index + ", 2, false)";
        assertEquals("CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id, line)",
                flat(indexDef, KeyFixture.alice()));
        assertEquals("PRIMARY KEY (id, line)", flat(constraintDef, KeyFixture.alice()));
        assertEquals("line", flat(column, KeyFixture.alice()));
        // Bob may not see orders.line, so orders_pkey does not exist for him: the same text (same cached plan)
        assertEquals("null", flat(indexDef, KeyFixture.bob()));
        assertEquals("null", flat(constraintDef, KeyFixture.bob()));
        assertEquals("null", flat(column, KeyFixture.bob()));
        assertEquals("null", flat("SELECT pg_catalog.pg_get_indexdef(" + VisibleCatalog.hash("i:public.orders_pkey")
                + ")", KeyFixture.bob()), "a hidden key's would-be OID has no definition");
    }

    @Test
    void sessionFactsInAConstantExpressionAreNotCachedAcrossUsers() {
        String sql = "SELECT current_user, current_user = 'alice', pg_catalog.pg_get_constraintdef(1 + 0)";
        assertEquals("alice|t|null", flat(sql, KeyFixture.alice()));
        assertEquals("bob|f|null", flat(sql, KeyFixture.bob()));
    }

    @Test
    void boundValuesInAClientAnswerAreData() {
        String pk = KeyFixture.clientStatement("_pg_expandarray(con.conkey)", "n.nspname = $1");
        for (String evil : List.of("orders' OR 'a' = 'a", "orders'' OR ''a'' = ''a", "x' UNION SELECT 1 --",
                "orders\\' OR true --", "orders'\n OR true --", "$1", ":1")) {
            assertEquals("", flat(pk, KeyFixture.alice(), "public", evil), evil);
            assertEquals("", flat(pk, KeyFixture.alice(), evil, "orders"), evil);
        }
        String imported = KeyFixture.clientStatement("generate_series(1, 32)", "fkn.nspname = $1 AND fkc.relname = $2");
        assertEquals("", flat(imported, KeyFixture.alice(), "public", "orders' OR 'a' = 'a"));
    }

    @Test
    void aNulInABoundValueIsRefusedAsPostgreSqlDoes() {
        String pk = KeyFixture.clientStatement("_pg_expandarray(con.conkey)", "n.nspname = $1");
        for (String sql : List.of(pk, "SELECT relname FROM pg_catalog.pg_class WHERE relname = $2 OR relname = $1")) {
            GuardDecision d = queries.answer(sql, List.of("public", "orders\u0000"), KeyFixture.alice());
            assertEquals("22021", assertInstanceOf(GuardDecision.Refuse.class, d).sqlState(), sql);
        }
    }

    @Test
    void aForeignKeyNameDoesNotMentionAColumnHiddenInTheReferencedTable() {
        // Bob may not see customers.ssn; a foreign key of orders whose upstream name mentions it
        String names = flat("SELECT conname FROM pg_catalog.pg_constraint WHERE contype = 'f'",
                KeyFixture.bobWithSsnNamedKey());
        assertEquals("orders_customer_id_fkey", names, "named from visible names, as PostgreSQL would");
        assertFalse(flat("SELECT constraint_name FROM information_schema.referential_constraints",
                KeyFixture.bobWithSsnNamedKey()).contains("ssn"));
    }

    @Test
    void pgStatActivityUnderASharedPlanShowsOnlyTheRunningSession() {
        String sql = "SELECT usename, query, state FROM pg_catalog.pg_stat_activity";
        for (int i = 0; i < 2; i++) {
            assertEquals("alice|" + sql + "|active", flat(sql, KeyFixture.alice()));
            assertEquals("bob|" + sql + "|active", flat(sql, KeyFixture.bob()));
        }
        assertEquals("1", flat("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE usename <> 'nobody'",
                KeyFixture.alice()));
    }

    @Test
    void aReplacedNameDoesNotRepeatAShownOne() {
        // customers_a_ssn_key (name) would become customers_name_key, which an upstream unique index already is
        assertEquals("customers_name_key;customers_name_key1;customers_pkey", flat("SELECT relname FROM pg_catalog.pg_class"
                + " WHERE relkind = 'i' AND relname LIKE 'customers%' ORDER BY 1", KeyFixture.bobWithSsnNamedKey()));
        assertEquals("customers_name_key1|UNIQUE (name)", flat("SELECT conname, pg_catalog.pg_get_constraintdef(oid)"
                + " FROM pg_catalog.pg_constraint WHERE contype = 'u'", KeyFixture.bobWithSsnNamedKey()));
    }
}
