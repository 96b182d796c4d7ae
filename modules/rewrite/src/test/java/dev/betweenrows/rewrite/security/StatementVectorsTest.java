package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statement vectors: writes that look like reads, smuggled statements, session and identity tricks, the extended
 * protocol, and what the decision carries for the audit.
 */
class StatementVectorsTest extends AttackSuite {

    StatementVectorsTest(PostgresServer pg) {
        super(pg);
    }

    private void refusedWithoutUpstream(String state, String... sqls) {
        for (String sql : sqls) {
            Outcome o = assertNoLeak(attack(sql));
            assertUpstreamNeverRan(o);
            assertEquals(state, o.refusal().sqlState(), () -> sql + " → " + o.decision());
        }
    }

    @Test void v21_decisionCarriesRewrittenSqlAndAppliedPolicies() {
        Forward f = (Forward) attack("SELECT count(*) FROM orders").decision();
        List<String> names = f.policies().stream().map(AppliedPolicy::name).sorted().toList();
        assertEquals(List.of("orders-live", "orders-tenant"), names);
        assertTrue(f.rewrittenSql().contains("public.orders"), f.rewrittenSql());
    }

    @Test void v23_refusalCarriesAReasonForTheAuditOnly() {
        Refuse r = attack("SELECT * FROM secrets").refusal();
        assertFalse(r.reason().isBlank());
        assertFalse(r.message().contains(r.reason()));
    }

    @Test void v24_writesAreRefusedAsReadOnly() {
        refusedWithoutUpstream("25006", "INSERT INTO orders VALUES (99)", "UPDATE orders SET amount = 0",
                "DELETE FROM orders", "TRUNCATE orders", "MERGE INTO orders o USING payments p ON o.id = p.id WHEN MATCHED THEN DELETE");
    }

    @Test void a69_selectInto() {
        refusedWithoutUpstream("25006", "SELECT * INTO stolen FROM orders", "SELECT * FROM orders INTO TEMP t2");
    }

    @Test void a70_createTableAsAndMaterializedView() {
        refusedWithoutUpstream("25006", "CREATE TABLE stolen AS SELECT * FROM orders",
                "CREATE MATERIALIZED VIEW mv AS SELECT * FROM orders", "CREATE TEMP VIEW v AS SELECT * FROM orders");
    }

    @Test void a71_dataModifyingCte() {
        refusedWithoutUpstream("25006", "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d",
                "WITH x AS (SELECT 1) UPDATE orders SET amount = 0", "WITH d AS MATERIALIZED (INSERT INTO orders VALUES (9) RETURNING 1) SELECT 1");
    }

    @Test void a72_multiStatementSmuggling() {
        for (String sql : List.of("SELECT 1; DELETE FROM orders", "SELECT 'a;'; SELECT * FROM secrets",
                "SELECT 1; SELECT * FROM public.orders")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
        // The wire splits and checks each statement alone: each part meets the guard on its own.
        assertEquals(List.of("SELECT 1", "DELETE FROM orders"),
                guard.split("SELECT 1; DELETE FROM orders").stream().map(String::strip).toList());
        assertUpstreamNeverRan(attack("DELETE FROM orders"));
    }

    @Test void a73_copy() {
        for (String sql : List.of("COPY orders TO STDOUT", "COPY (SELECT * FROM orders) TO STDOUT",
                "COPY orders TO '/tmp/x'", "COPY orders FROM PROGRAM 'id'")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a74_doCallAndProcedures() {
        for (String sql : List.of("DO $$ BEGIN PERFORM 1; END $$", "CALL p()", "LOCK orders", "LISTEN ch", "NOTIFY ch",
                "VACUUM orders", "ANALYZE orders", "LOAD 'x'", "CHECKPOINT")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a76_grantAndDdl() {
        for (String sql : List.of("GRANT SELECT ON secrets TO public", "ALTER TABLE orders DISABLE ROW LEVEL SECURITY",
                "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql", "DROP TABLE orders")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a79_lockingReads() {
        refusedWithoutUpstream("25006", "SELECT * FROM orders FOR UPDATE", "SELECT * FROM orders FOR SHARE",
                "SELECT * FROM orders FOR NO KEY UPDATE SKIP LOCKED");
    }

    @Test void a83_setRoleAndSessionAuthorization() {
        refusedWithoutUpstream("42501", "SET ROLE postgres", "SET SESSION ROLE postgres", "RESET ROLE",
                "SET SESSION AUTHORIZATION postgres", "SET LOCAL ROLE none");
    }

    @Test void a85_searchPathDoesNotChangeNameResolution() throws SQLException {
        // SET search_path goes to the wire (which keeps its own rules); the rewrite never reads the upstream's path.
        GuardDecision set = attack("SET search_path = analytics, public").decision();
        assertInstanceOf(SessionControl.class, set);
        String rewritten = attack("SELECT name FROM customers").rewritten();
        try (Connection c = pg.connect(AttackLab.DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = analytics, public");
            try (ResultSet rs = s.executeQuery(rewritten)) {
                int n = 0;
                while (rs.next()) {
                    assertFalse(rs.getString(1).contains("HIDDEN"));
                    n++;
                }
                assertEquals(3, n);
            }
        }
    }

    @Test void a86_setConfigFunction() {
        refusedWithoutUpstream("42883", "SELECT set_config('search_path', 'analytics', false)",
                "SELECT id FROM orders WHERE set_config('row_security', 'off', true) IS NOT NULL");
    }

    @Test void a87_prepareAndExecuteStatements() {
        for (String sql : List.of("PREPARE p AS SELECT * FROM secrets", "EXECUTE p", "PREPARE q AS DELETE FROM orders")) {
            assertUpstreamNeverRan(assertNoLeak(attack(sql)));
        }
    }

    @Test void a88_transactionControlIsHandedToTheWire() {
        assertInstanceOf(SessionControl.class, attack("BEGIN").decision());
        assertInstanceOf(SessionControl.class, attack("START TRANSACTION READ ONLY").decision());
        refusedWithoutUpstream("0A000", "SET TRANSACTION SNAPSHOT '00000003-0000001B-1'");
    }

    @Test void p01_bindParametersAreValuesNeverText() throws SQLException {
        GuardDecision d = guard.check(new GuardRequest(AttackLab.alice(), Protocol.EXTENDED,
                "SELECT id, note FROM orders WHERE id = $1 OR note = $2", List.of(23, 25)));
        String rewritten = ((Forward) d).rewrittenSql();
        try (Connection c = pg.connect(AttackLab.DB); PreparedStatement ps = c.prepareStatement(rewritten.replace("$1", "?").replace("$2", "?"))) {
            ps.setInt(1, 5);
            ps.setString(2, "x' OR '1'='1");
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next(), "hidden order 5 returned through a parameter");
            }
        }
    }

    @Test void p02_multipleStatementsInOneParseAreRefused() {
        GuardDecision d = guard.check(new GuardRequest(AttackLab.alice(), Protocol.EXTENDED,
                "SELECT 1; DELETE FROM orders", List.of()));
        assertInstanceOf(Refuse.class, d);
    }
}
