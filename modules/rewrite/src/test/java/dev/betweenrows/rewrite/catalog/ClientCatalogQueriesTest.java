package dev.betweenrows.rewrite.catalog;

import static dev.betweenrows.rewrite.catalog.CatalogQueriesTest.answered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.LocalColumn;
import dev.betweenrows.policy.GuardSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact statements psql 15.18 and pgjdbc 42.7.13 send (captured, in {@code catalog/client/}), answered for
 * Alice (hr and public.secrets hidden, customers.credit_limit denied, ssn and score masked) and for Bob (no
 * policies). pgjdbc's {@code $n} are bound as pgjdbc's simple mode would inline them.
 */
class ClientCatalogQueriesTest {
    private final CatalogQueries queries = new CatalogQueries("15.18", List.of("public"));

    private static String sql(String name) {
        try (InputStream in = ClientCatalogQueriesTest.class.getResourceAsStream("/catalog/client/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnswerLocally run(String name, GuardSession session, String... params) {
        return answered(queries.answer(sql(name), List.of(params), session));
    }

    private static List<String> column(AnswerLocally a, int index) {
        return a.rows().stream().map(r -> r.get(index)).toList();
    }

    private static String all(AnswerLocally a) {
        return a.rows().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void psqlListsOnlyVisibleRelations() {
        AnswerLocally d = run("psql-d", CatalogFixture.alice());
        assertEquals(List.of("Schema", "Name", "Type", "Owner"), d.columns().stream().map(LocalColumn::name).toList());
        assertEquals(List.of(List.of("public", "customers", "table", "alice"), List.of("public", "orders", "table", "alice"),
                List.of("public", "v_orders", "view", "alice")), d.rows());
        AnswerLocally dt = run("psql-dt", CatalogFixture.alice());
        assertEquals(List.of("customers", "orders"), column(dt, 1));
        assertEquals(List.of("customers", "orders", "secrets"), column(run("psql-dt", CatalogFixture.bob()), 1));
    }

    @Test
    void psqlListsOnlyVisibleSchemasAndTheDataSource() {
        assertEquals(List.of(List.of("public", "alice")), run("psql-dn", CatalogFixture.alice()).rows());
        assertEquals(List.of("hr", "public"), column(run("psql-dn", CatalogFixture.bob()), 0));
        AnswerLocally l = run("psql-l", CatalogFixture.alice());
        assertEquals(1, l.rows().size());
        assertEquals(List.of("shop", "alice", "UTF8"), l.rows().get(0).subList(0, 3));
        assertEquals(8, l.columns().size());
    }

    @Test
    void psqlDescribesATableWithVisibleColumnsAndMaskTypes() {
        AnswerLocally found = run("psql-d-orders-01-find", CatalogFixture.alice());
        assertEquals(1, found.rows().size());
        String oid = found.rows().get(0).get(0);
        assertEquals(List.of(oid, "public", "orders"), found.rows().get(0));
        AnswerLocally columns = answered(queries.answer(sql("psql-d-orders-03-columns").replace("16392", oid),
                List.of(), CatalogFixture.alice()));
        assertEquals(List.of(List.of("id", "integer"), List.of("customer_id", "integer"),
                        List.of("amount", "numeric(10,2)"), List.of("created_at", "timestamp with time zone"),
                        List.of("meta", "jsonb")),
                columns.rows().stream().map(r -> r.subList(0, 2)).toList());

        String customers = answered(queries.answer(sql("psql-d-orders-01-find").replace("orders", "customers"),
                List.of(), CatalogFixture.alice())).rows().get(0).get(0);
        AnswerLocally masked = answered(queries.answer(sql("psql-d-orders-03-columns").replace("16392", customers),
                List.of(), CatalogFixture.alice()));
        assertEquals(List.of(List.of("id", "integer"), List.of("name", "character varying(100)"),
                List.of("ssn", "text"), List.of("score", "bigint")), masked.rows().stream().map(r -> r.subList(0, 2)).toList());
    }

    @Test
    void everyPsqlDescribeQueryIsAnsweredWithoutDefinitions() {
        String oid = run("psql-d-orders-01-find", CatalogFixture.alice()).rows().get(0).get(0);
        for (String step : List.of("02-flags", "03-columns", "04-indexes", "05-fks", "06-referenced-by", "07-policies",
                "08-statistics", "09-publications", "10-triggers", "11-parents", "12-partitions")) {
            AnswerLocally a = answered(queries.answer(sql("psql-d-orders-" + step).replace("16392", oid), List.of(),
                    CatalogFixture.alice()));
            if (step.equals("02-flags")) assertEquals(1, a.rows().size(), step);
            else if (!step.equals("03-columns")) assertEquals(0, a.rows().size(), step);
        }
    }

    @Test
    void hiddenTablesAreMissingForDescribeAndRegclass() {
        assertEquals(0, answered(queries.answer(sql("psql-d-orders-01-find").replace("orders", "secrets"), List.of(),
                CatalogFixture.alice())).rows().size());
        var refused = queries.answer("SELECT 'public.secrets'::regclass", List.of(), CatalogFixture.alice());
        assertEquals("42P01", ((dev.betweenrows.policy.GuardDecision.Refuse) refused).sqlState());
    }

    @Test
    void pgjdbcSchemasTablesAndColumns() {
        assertEquals(List.of("information_schema", "pg_catalog", "public"),
                column(run("pgjdbc-getSchemas", CatalogFixture.alice()), 0));
        assertEquals(List.of(List.of("shop")), run("pgjdbc-getCatalogs", CatalogFixture.alice()).rows());
        AnswerLocally tables = run("pgjdbc-getTables", CatalogFixture.alice(), "%");
        assertEquals(List.of("customers", "orders", "v_orders"), column(tables, 2));
        assertEquals(List.of("TABLE", "TABLE", "VIEW"), column(tables, 3));
        AnswerLocally cols = run("pgjdbc-getColumns", CatalogFixture.alice(), "public", "customers", "%");
        assertEquals(List.of("id", "name", "ssn", "score"), column(cols, 3));
        assertEquals(List.of("23", "1043", "25", "20"), column(cols, 4));
        assertEquals(List.of("1", "2", "3", "4"), column(cols, 9));
        assertEquals(List.of(List.of("shop")), run("pgjdbc-current-catalog", CatalogFixture.alice()).rows());
        assertEquals(List.of(List.of("32")), run("pgjdbc-max-index-keys", CatalogFixture.alice()).rows());
    }

    @Test
    void pgjdbcResultSetMetaDataByOid() {
        String oid = run("psql-d-orders-01-find", CatalogFixture.alice()).rows().get(0).get(0);
        AnswerLocally a = answered(queries.answer(sql("pgjdbc-resultSetMetaData").replace("16392", oid), List.of(),
                CatalogFixture.alice()));
        assertEquals(List.of("id", "amount", "created_at", "meta"), column(a, 2));
        assertEquals(List.of("orders"), a.rows().stream().map(r -> r.get(3)).distinct().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"psql-complete-tables", "psql-complete-columns", "psql-complete-tables2",
            "psql-complete-schema-tables", "psql-complete-settings"})
    void psqlTabCompletionRevealsNothingHidden(String name) {
        AnswerLocally a = run(name, CatalogFixture.alice());
        String text = all(a);
        for (String hidden : List.of("secrets", "salaries", "credit_limit", "hr")) {
            assertFalse(text.contains(hidden), name + " revealed " + hidden + ": " + text);
        }
    }

    @Test
    void privilegesOfVisibleTables() {
        assertEquals(List.of(List.of("t")),
                run0("SELECT has_table_privilege('public.orders', 'select')", CatalogFixture.alice()).rows());
    }

    private AnswerLocally run0(String sql, GuardSession session) {
        return answered(queries.answer(sql, List.of(), session));
    }

    @Test
    void completionFindsVisibleNames() {
        assertEquals(List.of("orders"), column(run("psql-complete-tables", CatalogFixture.alice()), 0));
        assertEquals(List.of("customer_id"), column(run("psql-complete-columns", CatalogFixture.alice()), 0));
        assertTrue(column(run("psql-complete-schema-tables", CatalogFixture.bob()), 0).contains("salaries"));
    }

    @Test
    void unknownCatalogRelationsAndFunctionsAreRefusedNotForwarded() {
        for (String sql : List.of("SELECT * FROM pg_catalog.pg_stat_user_tables", "SELECT pg_read_file('x')",
                "SELECT * FROM pg_catalog.pg_authid", "SELECT relname FROM pg_class WHERE $1 = 'x'",
                "SELECT has_table_privilege('public.secrets', 'select')", "SELECT has_table_privilege('nosuch', 'select')")) {
            var d = queries.answer(sql, List.of(), CatalogFixture.alice());
            assertEquals("0A000", ((dev.betweenrows.policy.GuardDecision.Refuse) d).sqlState(), sql);
        }
    }
}
