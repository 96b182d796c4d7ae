package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.rewrite.guard.CalciteQueryGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard routes catalog-only queries to the emulation; mixed and unimplemented ones stay refused. */
class GuardCatalogPathTest {
    private final CalciteQueryGuard guard = new CalciteQueryGuard("15.18", List.of("public"), 100);

    private GuardDecision check(String sql) {
        return guard.check(new GuardRequest(CatalogFixture.alice(), Protocol.SIMPLE, sql, List.of()));
    }

    @Test
    void catalogQueriesAreAnsweredFromTheVisibleCatalog() {
        AnswerLocally a = assertInstanceOf(AnswerLocally.class,
                check("SELECT relname FROM pg_catalog.pg_class ORDER BY relname"));
        assertEquals(List.of(List.of("customers"), List.of("orders"), List.of("v_orders")), a.rows());
        AnswerLocally cols = assertInstanceOf(AnswerLocally.class, check(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'customers'"));
        assertEquals(List.of(List.of("id", "integer"), List.of("name", "character varying"), List.of("ssn", "text"),
                List.of("score", "bigint")), cols.rows());
    }

    @Test
    void mixedAndUnimplementedQueriesAreRefused() {
        for (String sql : List.of("SELECT c.relname, o.id FROM pg_class c, orders o",
                "SELECT * FROM pg_stat_user_tables", "SELECT * FROM pg_catalog.pg_authid")) {
            assertEquals("0A000", assertInstanceOf(Refuse.class, check(sql)).sqlState(), sql);
        }
        assertEquals("42883", assertInstanceOf(Refuse.class, check("SELECT pg_read_file('/etc/passwd')")).sqlState());
    }

    @Test
    void catalogAndTablesInOneStatementAreRefusedWithAHint() {
        // the same refusal whether the table is visible, hidden or missing: nothing is revealed
        for (String table : List.of("orders", "public.secrets", "hr.salaries", "no_such_table")) {
            for (String sql : List.of("SELECT c.relname, o.* FROM pg_catalog.pg_class c, " + table + " o",
                    "SELECT * FROM " + table + " o JOIN information_schema.columns c ON c.table_name = 'x'",
                    "SELECT * FROM " + table + " WHERE 1 IN (SELECT oid FROM pg_namespace)")) {
                Refuse r = assertInstanceOf(Refuse.class, check(sql), sql);
                assertEquals("0A000", r.sqlState(), sql);
                assertEquals("a statement cannot read system catalogs and tables together", r.message(), sql);
                assertEquals(MixedHint.TEXT, r.hint(), sql);
            }
        }
        // a catalog-only statement the emulation cannot answer gets no such hint
        Refuse unsupported = assertInstanceOf(Refuse.class, check("SELECT * FROM pg_catalog.pg_authid"));
        assertEquals(null, unsupported.hint());
        Refuse cte = assertInstanceOf(Refuse.class,
                check("WITH x AS (SELECT * FROM pg_catalog.pg_authid) SELECT * FROM x"));
        assertEquals(null, cte.hint());
    }

    /** The hint, as the client reads it. */
    private static final class MixedHint {
        static final String TEXT = "Catalog relations (pg_catalog, information_schema) are answered by the proxy "
                + "and tables by the database, so one statement cannot combine them: query the catalog and the "
                + "tables in separate statements.";
    }

    @Test
    void ownSessionOnlyInPgStatActivityAndBuiltInFunctionsInPgProc() {
        AnswerLocally a = assertInstanceOf(AnswerLocally.class,
                check("SELECT usename, datname, state, query FROM pg_catalog.pg_stat_activity"));
        assertEquals(List.of(List.of("alice", "shop", "active",
                "SELECT usename, datname, state, query FROM pg_catalog.pg_stat_activity")), a.rows());
        AnswerLocally procs = assertInstanceOf(AnswerLocally.class, check(
                "SELECT count(*), min(oid), max(oid) FROM pg_catalog.pg_proc"));
        assertEquals("3244", procs.rows().get(0).get(0));
        assertEquals(true, Integer.parseInt(procs.rows().get(0).get(2)) < 16384);
        AnswerLocally arrayIn = assertInstanceOf(AnswerLocally.class, check(
                "SELECT proname FROM pg_catalog.pg_proc WHERE oid = 'pg_catalog.array_in'::regproc"));
        assertEquals(List.of(List.of("array_in")), arrayIn.rows());
    }

    @Test
    void rolesAndMembershipsShowTheCurrentUserOnly() {
        AnswerLocally du = assertInstanceOf(AnswerLocally.class, check("SELECT r.rolname, ARRAY(SELECT b.rolname "
                + "FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid) "
                + "WHERE m.member = r.oid) as memberof FROM pg_catalog.pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY 1"));
        assertEquals(List.of(List.of("alice", "{}")), du.rows());
        AnswerLocally members = assertInstanceOf(AnswerLocally.class,
                check("SELECT count(*) FROM pg_catalog.pg_auth_members"));
        assertEquals(List.of(List.of("0")), members.rows());
    }

    @Test
    void commentsAreNullBecauseNoneAreKept() {
        AnswerLocally a = assertInstanceOf(AnswerLocally.class, check("SELECT obj_description(c.oid, 'pg_class'), "
                + "col_description(c.oid, 1) FROM pg_catalog.pg_class c WHERE c.relname = 'orders'"));
        assertEquals(java.util.Arrays.asList(null, null), a.rows().get(0));
        assertEquals(List.of(List.of("0")), assertInstanceOf(AnswerLocally.class,
                check("SELECT count(*) FROM pg_catalog.pg_description")).rows());
    }

    @Test
    void sessionFunctionsStillAnswerLocally() {
        AnswerLocally a = assertInstanceOf(AnswerLocally.class, check("SELECT current_database(), current_user"));
        assertEquals(List.of(List.of("shop", "alice")), a.rows());
    }

    @Test
    void extendedParseDescribesAndBindAnswersWithTheBoundValues() {
        String sql = "SELECT relname FROM pg_catalog.pg_class WHERE relname = $1";
        AnswerLocally shape = assertInstanceOf(AnswerLocally.class,
                guard.check(new GuardRequest(CatalogFixture.alice(), Protocol.EXTENDED, sql, List.of(25))));
        assertEquals(List.of("relname"), shape.columns().stream().map(GuardDecision.LocalColumn::name).toList());
        for (String name : List.of("orders", "secrets", "salaries")) {
            AnswerLocally bound = assertInstanceOf(AnswerLocally.class, guard.check(new GuardRequest(
                    CatalogFixture.alice(), Protocol.EXTENDED, sql, List.of(25), List.of(name))));
            assertEquals(shape.columns(), bound.columns());
            assertEquals(name.equals("orders") ? List.of(List.of("orders")) : List.of(), bound.rows(), name);
        }
        // without a value for $1 at Bind, and in the simple protocol, $1 is not bound: refused, never guessed
        assertEquals("0A000", assertInstanceOf(Refuse.class, guard.check(new GuardRequest(CatalogFixture.alice(),
                Protocol.EXTENDED, sql, List.of(25), List.of()))).sqlState());
        assertInstanceOf(Refuse.class, check(sql));
    }
}
