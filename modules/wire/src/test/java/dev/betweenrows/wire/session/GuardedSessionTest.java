package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clients through the real CalciteQueryGuard to a real PostgreSQL, with every statement audited. */
@WithPostgres
class GuardedSessionTest {
    static GuardedFixture fixture;

    @BeforeAll
    static void start(PostgresServer pg) {
        fixture = new GuardedFixture(pg, "guarded");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static QueryAuditRecord only(String originalSql) {
        List<QueryAuditRecord> found = fixture.audit.statements().stream()
                .filter(r -> originalSql.equals(r.originalSql())).toList();
        assertEquals(1, found.size(), "records for " + originalSql + ": " + found);
        return found.get(0);
    }

    @Test
    void psqlMultiStatementIsFilteredMaskedAndAuditedPerStatement() throws Exception {
        PsqlRun r = fixture.psql("SELECT id, name, ssn FROM customers ORDER BY id; SELECT 2 AS two");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1|Ann|***-**-6789\n3|Cy|***-**-1234\n2", r.out());
        QueryAuditRecord first = only("SELECT id, name, ssn FROM customers ORDER BY id");
        assertEquals(Decision.ALLOWED, first.decision());
        assertEquals(0, first.statementIndex());
        assertEquals("simple", first.protocol());
        assertEquals(2L, first.rowsReturned());
        assertTrue(first.bytesReturned() > 0);
        assertTrue(first.rewrittenSql().contains("tenant = 'acme'"), first.rewrittenSql());
        assertTrue(first.rewrittenSql().contains("'***-**-' || right("), first.rewrittenSql());
        assertEquals(List.of("customers tenant", "ssn mask"),
                first.policies().stream().map(QueryAuditRecord.AppliedPolicyRef::name).sorted().toList());
        assertEquals(3L, first.policies().get(0).version());
        assertEquals("u-alice", first.userId());
        assertEquals(GuardedFixture.DS_ID, first.dataSourceId());
        assertEquals("psql", first.applicationName());
        assertTrue(first.clientAddress().startsWith("127.0.0.1:"));
        assertTrue(first.totalMicros() >= first.guardMicros());
        assertNull(first.parametersJson());
        QueryAuditRecord second = only(" SELECT 2 AS two");
        assertEquals(1, second.statementIndex());
        assertEquals(first.sessionId(), second.sessionId());
        assertEquals(1L, second.rowsReturned());
    }

    @Test
    void errorSkipsTheRestOfTheBatchAndIsAuditedWithItsSqlState() throws Exception {
        PsqlRun r = fixture.psql("SELECT n FROM nums WHERE n = 7; SELECT 1/0 FROM nums WHERE n = 1; SELECT 'never'");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("division by zero"), r.err());
        assertFalse(r.out().contains("never"));
        assertEquals(Decision.ALLOWED, only("SELECT n FROM nums WHERE n = 7").decision());
        QueryAuditRecord error = only(" SELECT 1/0 FROM nums WHERE n = 1");
        assertEquals(Decision.ERROR, error.decision());
        assertEquals("22012", error.sqlState());
        assertEquals("division by zero", error.message());
        assertEquals(" SELECT 1/0 FROM (SELECT n FROM public.nums) AS nums WHERE n = 1", error.rewrittenSql());
        assertTrue(fixture.audit.statements().stream().noneMatch(x -> " SELECT 'never'".equals(x.originalSql())));
    }

    @Test
    void deniedStatementsKeepTheReasonForAdminsOnly() throws Exception {
        PsqlRun hidden = fixture.psql("SELECT * FROM secrets");
        assertTrue(hidden.err().contains("relation \"secrets\" does not exist"), hidden.err());
        QueryAuditRecord h = only("SELECT * FROM secrets");
        assertEquals(Decision.DENIED, h.decision());
        assertEquals("42P01", h.sqlState());
        assertNull(h.rewrittenSql());
        assertTrue(h.reason() != null && !h.reason().isBlank());
        assertFalse(hidden.err().contains(h.reason()));
        PsqlRun write = fixture.psql("DELETE FROM customers");
        assertTrue(write.err().contains("ERROR"), write.err());
        QueryAuditRecord w = only("DELETE FROM customers");
        assertEquals(Decision.DENIED, w.decision());
        assertEquals("25006", w.sqlState());
    }

    @Test
    void statementTimeoutIsAuditedAsCancelled() throws Exception {
        PsqlRun r = fixture.psql("SET statement_timeout = '200ms'; SELECT count(*) FROM nums a, nums b, nums c");
        assertTrue(r.err().contains("canceling statement"), r.err());
        assertEquals("SET statement_timeout = '200ms'", only("SET statement_timeout = '200ms'").rewrittenSql());
        QueryAuditRecord c = only(" SELECT count(*) FROM nums a, nums b, nums c");
        assertEquals(Decision.CANCELLED, c.decision());
        assertEquals("57014", c.sqlState());
    }

    @Test
    void savepointsTransactionModesAndCursorsThroughPsql() throws Exception {
        PsqlRun r = fixture.psql("BEGIN; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SAVEPOINT a;"
                + " SELECT count(*) FROM customers; ROLLBACK TO SAVEPOINT a; RELEASE SAVEPOINT a;"
                + " SHOW transaction_isolation; DECLARE c CURSOR FOR SELECT id, ssn FROM customers ORDER BY id;"
                + " FETCH 1 FROM c; MOVE ABSOLUTE 0 IN c; FETCH ALL FROM c; CLOSE c; COMMIT");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("BEGIN", "SET", "SAVEPOINT", "2", "ROLLBACK", "RELEASE", "repeatable read",
                        "DECLARE CURSOR", "1|***-**-6789", "MOVE 0", "1|***-**-6789", "3|***-**-1234", "CLOSE CURSOR",
                        "COMMIT"),
                r.out().lines().filter(l -> !l.isBlank()).toList());
        assertEquals("RELEASE SAVEPOINT \"a\"", only(" RELEASE SAVEPOINT a").rewrittenSql());
        assertEquals("FETCH FORWARD 1 FROM \"c\"", only(" FETCH 1 FROM c").rewrittenSql());
        PsqlRun chars = fixture.psql("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE;"
                + " SHOW default_transaction_isolation");
        assertEquals("SET\nserializable", chars.out(), chars.err());
    }

    @Test
    void pgjdbcFetchSizeCursorIsAuditedPerExecute() throws Exception {
        String sql = "SELECT id, ssn FROM customers ORDER BY id";
        List<String> rows = new ArrayList<>();
        try (Connection c = fixture.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) rows.add(rs.getInt(1) + "|" + rs.getString(2));
                }
            }
            c.commit();
        }
        assertEquals(List.of("1|***-**-6789", "3|***-**-1234"), rows);
        List<QueryAuditRecord> executes = fixture.audit.statements().stream()
                .filter(r -> sql.equals(r.originalSql())).toList();
        assertTrue(executes.size() >= 2, executes.toString());
        assertEquals(2L, executes.stream().mapToLong(QueryAuditRecord::rowsReturned).sum());
        assertTrue(executes.stream().allMatch(r -> r.decision() == Decision.ALLOWED && "extended".equals(r.protocol())
                && r.rewrittenSql().contains("tenant = 'acme'")));
    }

    @Test
    void failingSinkRefusesStatementsWithoutReleasingResults() throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            fixture.audit.refuse(true);
            try {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT name FROM customers"));
                assertEquals("53400", e.getSQLState());
                SQLException next = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 2"));
                assertEquals("53400", next.getSQLState());
            } finally {
                fixture.audit.refuse(false);
            }
            // the first statement after recovery is refused while its refusal is recorded; then service resumes
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT 3"));
            try (ResultSet rs = s.executeQuery("SELECT 4")) {
                assertTrue(rs.next());
                assertEquals(4, rs.getInt(1));
            }
        }
        assertEquals("53400", only("SELECT 3").sqlState());
        fixture.audit.refuse(true);
        try {
            PsqlRun r = fixture.psql("SELECT 5");
            assertTrue(r.err().contains("audit unavailable"), r.err());
            assertFalse(r.out().contains("5"));
        } finally {
            fixture.audit.refuse(false);
        }
    }

    @Test
    void loginAttemptsAreAudited() throws Exception {
        PsqlRun bad = PsqlRun.run(fixture.port(), "alice", "wrong", fixture.db, "SELECT 1");
        assertTrue(bad.err().contains("password authentication failed"), bad.err());
        PsqlRun noDb = PsqlRun.run(fixture.port(), "alice", UpstreamFixture.PASSWORD, "nowhere", "SELECT 1");
        assertTrue(noDb.err().contains("does not exist"), noDb.err());
        List<QueryAuditRecord> logins = fixture.audit.records.stream()
                .filter(r -> r.kind() == QueryAuditRecord.Kind.LOGIN).toList();
        assertTrue(logins.stream().anyMatch(r -> "28P01".equals(r.sqlState()) && "alice".equals(r.username())
                && r.userId() == null && r.decision() == Decision.DENIED));
        assertTrue(logins.stream().anyMatch(r -> "3D000".equals(r.sqlState()) && "nowhere".equals(r.dataSourceName())
                && "u-alice".equals(r.userId())));
        assertTrue(logins.stream().anyMatch(r -> r.decision() == Decision.ALLOWED
                && GuardedFixture.DS_ID.equals(r.dataSourceId())));
    }
}
