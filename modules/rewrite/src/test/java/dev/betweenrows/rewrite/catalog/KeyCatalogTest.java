package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardSession;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keys in the emulated catalog: only what every named column and relation of allows, with emulated attnums. */
class KeyCatalogTest {
    private final CatalogQueries queries = new CatalogQueries("15.18", List.of("public"));

    private List<List<String>> rows(String sql, GuardSession session, String... parameters) {
        GuardDecision d = queries.answer(sql, List.of(parameters), session);
        if (d instanceof GuardDecision.Refuse r) throw new AssertionError("refused: " + r.reason());
        return assertInstanceOf(AnswerLocally.class, d).rows();
    }

    private String flat(String sql, GuardSession session, String... parameters) {
        return rows(sql, session, parameters).stream().map(r -> String.join("|", r.stream().map(String::valueOf).toList()))
                .collect(Collectors.joining(";"));
    }

    private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype, con.conkey, con.confkey,"
            + " f.relname FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " LEFT JOIN pg_catalog.pg_class f ON f.oid = con.confrelid ORDER BY 1, 2";

    @Test
    void aliceSeesKeysButNotTheForeignKeyToAHiddenTable() {
        assertEquals("customers|customers_pkey|p|{1}|null|null;customers|customers_ssn_key|u|{3}|null|null;"
                + "customers|customers_ssn_name_key|u|{2,4}|null|null;"
                + "orders|orders_customer_id_fkey|f|{3}|{1}|customers;orders|orders_pkey|p|{1,2}|null|null",
                flat(CONSTRAINTS, KeyFixture.alice()));
    }

    @Test
    void bobSeesNoKeyWithAHiddenColumnAndRenumberedAttnums() {
        String bob = flat(CONSTRAINTS, KeyFixture.bob());
        // orders.line hidden: no primary key on orders, customer_id is attnum 2; customers.ssn hidden: its key is
        // gone and the key whose name mentions ssn is shown under a name made of visible names only
        assertEquals("customers|customers_name_tenant_key|u|{2,3}|null|null;customers|customers_pkey|p|{1}|null|null;"
                + "orders|orders_customer_id_fkey|f|{2}|{1}|customers;orders|orders_note_fkey|f|{3}|{1}|secrets;"
                + "secrets|secrets_pkey|p|{1}|null|null", bob);
        assertFalse(flat("SELECT relname FROM pg_catalog.pg_class", KeyFixture.bob()).contains("ssn"));
        assertFalse(flat(CONSTRAINTS, KeyFixture.alice()).contains("secrets"), "Alice may not see secrets");
    }

    @Test
    void indexesAreClassRowsOfKindIAndPointAtTheirTables() {
        String sql = "SELECT ci.relname, ci.relkind, ct.relname, i.indisprimary, i.indisunique, i.indkey, am.amname"
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid JOIN pg_catalog.pg_am am ON am.oid = ci.relam"
                + " ORDER BY 1";
        assertEquals("customers_pkey|i|customers|t|t|1|btree;customers_ssn_key|i|customers|f|t|3|btree;"
                + "customers_ssn_name_key|i|customers|f|t|2 4|btree;orders_cust_ui|i|orders|f|t|3 2|btree;"
                + "orders_pkey|i|orders|t|t|1 2|btree", flat(sql, KeyFixture.alice()));
        assertEquals("customers_name_tenant_key|i|customers|f|t|2 3|btree;customers_pkey|i|customers|t|t|1|btree;"
                + "secrets_pkey|i|secrets|t|t|1|btree", flat(sql, KeyFixture.bob()));
        String fkIndex = "SELECT i.relname FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class i"
                + " ON i.oid = con.conindid WHERE con.contype = 'f'";
        assertEquals("customers_pkey", flat(fkIndex, KeyFixture.alice()), "a foreign key points at the referenced key");
    }

    @Test
    void definitionsNameOnlyVisibleThings() {
        String sql = "SELECT conname, pg_catalog.pg_get_constraintdef(oid, true) FROM pg_catalog.pg_constraint"
                + " ORDER BY 1";
        assertEquals("customers_name_tenant_key|UNIQUE (name, tenant);customers_pkey|PRIMARY KEY (id);"
                + "orders_customer_id_fkey|FOREIGN KEY (customer_id) REFERENCES customers(id);"
                + "orders_note_fkey|FOREIGN KEY (note) REFERENCES secrets(id);secrets_pkey|PRIMARY KEY (id)",
                flat(sql, KeyFixture.bob()));
        assertEquals("CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id, line)|line",
                flat("SELECT pg_catalog.pg_get_indexdef(c.oid), pg_catalog.pg_get_indexdef(c.oid, 2, false)"
                        + " FROM pg_catalog.pg_class c WHERE c.relname = 'orders_pkey'", KeyFixture.alice()));
        assertEquals("null", flat("SELECT pg_catalog.pg_get_constraintdef(12345)", KeyFixture.alice()));
    }

    @Test
    void informationSchemaKeyViews() {
        String sql = "SELECT tc.table_name, kcu.column_name, kcu.ordinal_position FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name"
                + " AND kcu.table_name = tc.table_name WHERE tc.constraint_type = 'PRIMARY KEY' ORDER BY 1, 3";
        assertEquals("customers|id|1;orders|id|1;orders|line|2", flat(sql, KeyFixture.alice()));
        assertEquals("orders_customer_id_fkey|customers_pkey|NO ACTION",
                flat("SELECT constraint_name, unique_constraint_name, update_rule"
                        + " FROM information_schema.referential_constraints", KeyFixture.alice()));
        assertEquals("customers|id|orders_customer_id_fkey", flat("SELECT table_name, column_name, constraint_name"
                + " FROM information_schema.constraint_column_usage WHERE constraint_name LIKE '%fkey'",
                KeyFixture.alice()));
    }

    @Test
    void pgjdbcPrimaryKeysAndForeignKeys() {
        String pk = KeyFixture.clientStatement("_pg_expandarray(con.conkey)", "n.nspname = $1");
        assertEquals("shop|public|orders|id|1|orders_pkey;shop|public|orders|line|2|orders_pkey",
                flat(pk, KeyFixture.alice(), "public", "orders"));
        assertEquals("", flat(pk, KeyFixture.bob(), "public", "orders"));
        assertEquals("", flat(pk, KeyFixture.alice(), "public", "secrets"), "a hidden table has no key");
        String imported = KeyFixture.clientStatement("generate_series(1, 32)", "fkn.nspname = $1 AND fkc.relname = $2");
        assertEquals("shop|public|customers|id|shop|public|orders|customer_id|1|3|3|orders_customer_id_fkey|"
                + "customers_pkey|7", flat(imported, KeyFixture.alice(), "public", "orders"));
        String index = KeyFixture.clientStatement("_pg_expandarray(i.indkey)", "n.nspname = $1", "i.indisunique");
        assertEquals("orders_cust_ui:customer_id,orders_cust_ui:line,orders_pkey:id,orders_pkey:line",
                rows(index, KeyFixture.alice(), "public", "orders").stream().map(r -> r.get(5) + ":" + r.get(8))
                        .collect(Collectors.joining(",")));
    }

    @Test
    void everyKnownClientStatementBindsAndRuns() {
        assertTrue(ClientAnswers.size() >= 12, "answers loaded: " + ClientAnswers.size());
        String text = KeyFixture.clientStatement("cons.conkey as key");
        int customers = Integer.parseInt(flat("SELECT oid FROM pg_catalog.pg_class WHERE relname = 'customers'",
                KeyFixture.alice()));
        String unique = text.replaceAll("conrelid = \\d+", "conrelid = " + customers);
        GuardDecision d = queries.answer(unique, List.of(), KeyFixture.alice());
        AnswerLocally a = assertInstanceOf(AnswerLocally.class, d, d.toString());
        assertEquals(PgTypes.oidOf("_int2"), a.columns().get(1).typeOid(), "SQLAlchemy reads conkey as a list");
        assertEquals(List.of("customers_ssn_key|{3}|3|ssn", "customers_ssn_name_key|{2,4}|2|name",
                "customers_ssn_name_key|{2,4}|4|tenant"), a.rows().stream().map(r -> String.join("|", r)).sorted().toList());
    }

    @Test
    void psqlDescribeListsVisibleIndexes() {
        String orders = flat("SELECT oid FROM pg_catalog.pg_class WHERE relname = 'orders'", KeyFixture.alice());
        String sql = "SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid,"
                + " pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),\n"
                + "  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred,"
                + " i.indisreplident, c2.reltablespace\n"
                + "FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i\n"
                + "  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid"
                + " AND contype IN ('p','u','x'))\n"
                + "WHERE c.oid = '" + orders + "' AND c.oid = i.indrelid AND i.indexrelid = c2.oid\n"
                + "ORDER BY i.indisprimary DESC, c2.relname;";
        assertEquals("orders_pkey|t|t|f|t|CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id, line)|"
                + "PRIMARY KEY (id, line)|p|f|f|f|0;orders_cust_ui|f|t|f|t|CREATE UNIQUE INDEX orders_cust_ui ON"
                + " public.orders USING btree (customer_id, line)|null|null|null|null|f|0", flat(sql, KeyFixture.alice()));
        String hasIndex = "SELECT relhasindex FROM pg_catalog.pg_class WHERE relname = 'orders'";
        assertEquals("t", flat(hasIndex, KeyFixture.alice()), "psql asks for indexes only when relhasindex");
        assertEquals("f", flat(hasIndex, KeyFixture.bob()), "bob sees no index on orders");
    }

    @Test
    void psqlOdbcPrimaryKeysShowOnlyAVisibleKey() {
        String orders = KeyFixture.clientStatement("ta.attnum = i.indkey[ia.attnum-1]");
        assertEquals("id|1|orders_pkey|public|orders;line|2|orders_pkey|public|orders", flat(orders, KeyFixture.alice()));
        assertEquals("", flat(orders, KeyFixture.bob()), "bob cannot see orders.line, so orders has no key for him");
        String secrets = orders.replace("'orders'", "'secrets'");
        assertEquals("", flat(secrets, KeyFixture.alice()), "a hidden table has no key");
        assertEquals("id|1|secrets_pkey|public|secrets", flat(secrets, KeyFixture.bob()));
        assertEquals("", flat(orders.replace("'public'", "'other'"), KeyFixture.alice()), "the schema is bound too");
        AnswerLocally a = assertInstanceOf(AnswerLocally.class, queries.answer(orders, List.of(), KeyFixture.alice()));
        int name = PgTypes.oidOf("name"), int2 = PgTypes.oidOf("int2");
        assertEquals(List.of("attname:" + name, "attnum:" + int2, "relname:" + name, "nspname:" + name, "relname:" + name),
                a.columns().stream().map(c -> c.name() + ":" + c.typeOid()).toList(),
                "psqlODBC reads the columns by position with these types");
    }

    @Test
    void psqlOdbcPrimaryKeyFallbackByIndexNameShowsOnlyAVisibleIndex() {
        String orders = KeyFixture.clientStatement("n.nspname, NULL from", "ic.relname = 'orders_pkey'");
        assertEquals("id|1|orders_pkey|public|null;line|2|orders_pkey|public|null", flat(orders, KeyFixture.alice()));
        assertEquals("", flat(orders, KeyFixture.bob()), "bob cannot see orders.line, so orders_pkey is hidden");
        String secrets = orders.replace("'orders_pkey'", "'secrets_pkey'");
        assertEquals("", flat(secrets, KeyFixture.alice()), "an index of a hidden table fails like a missing one");
        assertEquals("id|1|secrets_pkey|public|null", flat(secrets, KeyFixture.bob()));
        AnswerLocally a = assertInstanceOf(AnswerLocally.class, queries.answer(secrets, List.of(), KeyFixture.bob()));
        assertEquals("?column?", a.columns().get(4).name());
        assertEquals(PgTypes.oidOf("text"), a.columns().get(4).typeOid());
    }
}
