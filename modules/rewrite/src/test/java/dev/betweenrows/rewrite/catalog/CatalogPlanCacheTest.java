package dev.betweenrows.rewrite.catalog;

import static dev.betweenrows.rewrite.catalog.CatalogQueriesTest.answered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Compiled catalog plans are shared between sessions: a repeated query compiles nothing, and the shared plan
 * still answers each user from that user's own catalog and facts (Alice: hr, secrets, credit_limit hidden;
 * Bob: everything).
 */
class CatalogPlanCacheTest {
    private final CatalogQueries queries = new CatalogQueries("15.18", List.of("public"));

    private static String sql(String name) {
        try (InputStream in = CatalogPlanCacheTest.class.getResourceAsStream("/catalog/client/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnswerLocally run(String sql, GuardSession session) {
        return answered(queries.answer(sql, List.of(), session));
    }

    @Test
    void aRepeatedQueryOnlyExecutes() {
        String sql = sql("psql-dt");
        run(sql, CatalogFixture.alice());
        long compiled = CatalogEngine.compilations();
        for (int i = 0; i < 5; i++) run(sql, CatalogFixture.alice());
        run(sql, CatalogFixture.bob());
        assertEquals(compiled, CatalogEngine.compilations());
    }

    @Test
    void oneSharedPlanAnswersEachUserFromTheirOwnCatalog() {
        String d = sql("psql-d");
        List<List<String>> alice = List.of(List.of("public", "customers", "table", "alice"),
                List.of("public", "orders", "table", "alice"), List.of("public", "v_orders", "view", "alice"));
        List<List<String>> bob = List.of(List.of("public", "customers", "table", "bob"),
                List.of("public", "orders", "table", "bob"), List.of("public", "secrets", "table", "bob"),
                List.of("public", "v_orders", "view", "bob"));
        for (int i = 0; i < 3; i++) { // alternating, so each user also runs the plan compiled for the other
            assertEquals(alice, run(d, CatalogFixture.alice()).rows());
            assertEquals(bob, run(d, CatalogFixture.bob()).rows());
        }
        String who = "SELECT current_user, session_user, current_database(), "
                + "'customers'::regclass::oid, pg_catalog.pg_table_is_visible('customers'::regclass)";
        List<String> a = run(who, CatalogFixture.alice()).rows().getFirst();
        List<String> b = run(who, CatalogFixture.bob()).rows().getFirst();
        assertEquals(List.of("alice", "alice", "shop"), a.subList(0, 3));
        assertEquals(List.of("bob", "bob", "shop"), b.subList(0, 3));
        assertEquals("t", a.get(4));
    }

    @Test
    void hiddenColumnsStayHiddenUnderASharedPlan() {
        String columns = "SELECT a.attname, a.attnum FROM pg_catalog.pg_attribute a "
                + "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid WHERE c.relname = 'customers' ORDER BY a.attnum";
        List<List<String>> bob = run(columns, CatalogFixture.bob()).rows();
        List<List<String>> alice = run(columns, CatalogFixture.alice()).rows();
        assertEquals(List.of("id", "name", "ssn", "score", "credit_limit"), bob.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("id", "name", "ssn", "score"), alice.stream().map(r -> r.get(0)).toList());
        assertEquals(bob, run(columns, CatalogFixture.bob()).rows()); // Bob again after Alice: still five
    }

    @Test
    void aHiddenTableIsMissingForOneUserAndFoundForAnother() {
        String secrets = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname = 'secrets'";
        assertEquals(List.of(List.of("secrets")), run(secrets, CatalogFixture.bob()).rows());
        assertEquals(List.of(), run(secrets, CatalogFixture.alice()).rows());
        String regclass = "SELECT 'secrets'::regclass::oid";
        run(regclass, CatalogFixture.bob());
        GuardDecision refused = queries.answer(regclass, List.of(), CatalogFixture.alice());
        assertEquals("42P01", assertInstanceOf(GuardDecision.Refuse.class, refused).sqlState());
    }

    @Test
    void concurrentSessionsGetTheirOwnAnswers() throws Exception {
        String dt = sql("psql-dt");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean aliceTurn = i % 2 == 0;
                results.add(pool.submit(() -> {
                    GuardSession s = aliceTurn ? CatalogFixture.alice() : CatalogFixture.bob();
                    List<String> names = run(dt, s).rows().stream().map(r -> r.get(1)).toList();
                    return names.equals(aliceTurn ? List.of("customers", "orders")
                            : List.of("customers", "orders", "secrets"));
                }));
            }
            for (Future<Boolean> f : results) assertEquals(true, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describingAnotherTableReusesThePlans() {
        String find = sql("psql-d-orders-01-find");
        String columns = sql("psql-d-orders-03-columns");
        String ordersOid = run(find, CatalogFixture.alice()).rows().getFirst().get(0);
        run(columns.replace("16392", ordersOid), CatalogFixture.alice());
        long compiled = CatalogEngine.compilations();
        AnswerLocally customers = run(find.replace("orders", "customers"), CatalogFixture.alice());
        String customersOid = customers.rows().getFirst().get(0);
        assertNotEquals(ordersOid, customersOid);
        assertEquals(List.of("id", "name", "ssn", "score"), run(columns.replace("16392", customersOid),
                CatalogFixture.alice()).rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("id", "name", "ssn", "score", "credit_limit"), run(columns.replace("16392", customersOid),
                CatalogFixture.bob()).rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(), run(find.replace("orders", "secrets"), CatalogFixture.alice()).rows());
        assertEquals(compiled, CatalogEngine.compilations());
    }

    @Test
    void aLiteralTheParameterTypeCannotHoldRunsFromItsText() {
        String kind = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relkind = '%s' ORDER BY 1";
        assertEquals(List.of(List.of("v_orders")), run(kind.formatted("v"), CatalogFixture.alice()).rows());
        assertEquals(List.of(), run(kind.formatted("vx"), CatalogFixture.alice()).rows());
        assertEquals(List.of(), run(kind.formatted(""), CatalogFixture.alice()).rows());
        String oid = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = '%s'";
        assertEquals(List.of(), run(oid.formatted("1"), CatalogFixture.alice()).rows());
        GuardDecision bad = queries.answer(oid.formatted("12a"), List.of(), CatalogFixture.alice());
        assertInstanceOf(GuardDecision.Refuse.class, bad); // as before lifting: Calcite cannot cast '12a'
    }
}
